/** omero-py's plugin help of `sessions` (plugins/sessions.py `HELP`). */
export const SESSIONS_HELP = `Control and create user sessions

Sessions are stored locally on disk. Several can
be active simultaneously, but only one will be used
for a single invocation of omero.

`;

/** `sessions list`'s description (omero-py `LISTHELP`). */
export const LIST_HELP = `List all available sessions stored locally

By default, inactive sessions are purged from the local sessions store and
removed from the listing. To list all sessions stored locally independently of
their status, use the --no-purge argument.
`;

/** `sessions who`'s description (omero-py `WHOHELP`, plus what --show-uuid can show here). */
export const WHO_HELP = `List all active server sessions

Administrators will receive a list of all active sessions
along with critical information on last activity. This is
useful for determining whether or not the server can be
restarted.

Other users will only see a list of names, i.e. users who
can be considered "online".

With --show-uuid, only the key of your own current session is
shown: the server stores session keys as hashes and cannot
show the others.
`;

/** `sessions group`'s description (omero-py, with `GROUPHELP`). */
export const GROUP_HELP = `Set the group of the given session by id or name
If any current services are open, the command will fail.
`;

/**
 * What `sessions help` prints (omero-py `LONGHELP`), with this CLI's examples: it reaches only
 * the engine configured on this machine, and reads passwords from stdin on request.
 */
export const SESSIONS_LONG_HELP = `
Uses the login parameters from %(prog)s to login.

To list these options, use "%(prog)s -h"

Options for logging in:

    # Provide all values interactively
    $ omero sessions login
    Server: [localhost:4064]
    Username: [root]
    Password:

    # Pass values as the target
    $ omero sessions login root@localhost
    Password:
    $ omero sessions login root@localhost:4064
    Password:

    # Pass some values via arguments
    $ omero -s localhost sessions login
    Username: [user]
    Password:

    # Pass all non-password values via arguments
    $ omero -s localhost -u john sessions login
    Password:

    # Read the password from standard input
    $ omero sessions login --password-stdin john@localhost < password.txt

    # Use a session ID to login without a password
    $ omero -s localhost -k 8afe443f-19fc-4cc4-bf4a-850ec94f4650 \\
    sessions login

    # Arguments can also go earlier
    $ omero -k 8afe443f-19fc-4cc4-bf4a-850ec94f4650 sessions login

    # The *last* "@" symbol is used
    $ omero sessions login my.email@example.com@localhost
    Password:

Other sessions commands:

    # Logging out of the currently active sessions
    $ omero sessions logout

    # List all locally available sessions (purging the expired ones)
    $ omero sessions list

    # List all local sessions
    $ omero sessions list --no-purge

    # List all active server sessions
    $ omero sessions who

    # List or change the group for the session
    $ omero sessions group
    $ omero sessions group mygroup
    $ omero sessions group 123

    # List or change the timeToIdle for the session
    $ omero sessions timeout
    $ omero sessions timeout 300 # Seconds
    $ omero sessions timeout 300 --session=$UUID

    # Print the key or the file of the current session
    $ omero sessions key
    $ omero sessions file

Custom sessions directory:

    # Specify a custom session directory using OMERO_SESSIONDIR
    $ export OMERO_SESSIONDIR=/tmp/my_sessions
    # Create a new session stored under OMERO_SESSIONDIR
    $ omero sessions login
    $ omero sessions file
    $ omero sessions list
`;
