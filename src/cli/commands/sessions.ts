import { Command, Option } from 'commander';
import { ApiUsageException, SecurityViolation } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { err, out, type CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { parseIntArgument, requireOneOf } from '../conventions.js';
import { loginArgs, withLoginOptions } from '../login-options.js';
import { GROUP_HELP, LIST_HELP, SESSIONS_HELP, SESSIONS_LONG_HELP, WHO_HELP } from '../sessions/sessions-help.js';
import { sessionDirIO, withSessionDirOption } from '../sessions/session-dir-option.js';
import { requireAdminPrivileges } from '../usergroup/admin-only.js';
import { loginCommand, logoutCommand } from './login.js';

/**
 * `omero sessions …` (reference cli §9): help, login, logout, group, timeout, list, who,
 * keepalive, clear, file, key, open, close. Login arguments are accepted on the `sessions` level
 * (`omero sessions -s localhost who`) and by `sessions login`, not by the other subcommands, as
 * in OMERO. Session keys are printed only by `sessions key` (and in `sessions list`, which shows
 * the caller's own stored sessions), never in banners or errors.
 */
export function sessionsCommand(io: CliIO): Command {
  const sessions = withLoginOptions(new Command('sessions').summary('Control and create user sessions').description(SESSIONS_HELP)).enablePositionalOptions();

  sessions.addCommand(
    new Command('help').description('Extended help').action(() => {
      out(io, SESSIONS_LONG_HELP.replaceAll('%(prog)s', io.argv0));
    }),
  );
  sessions.addCommand(loginCommand(io, 'login').summary(''));
  sessions.addCommand(logoutCommand(io, 'logout').summary(''));

  const group = withSessionDirOption(
    new Command('group').description(GROUP_HELP).argument('[target]', 'Id or name of the group to switch this session to'),
  );
  group.action(async (target: string | undefined) => {
    const { switchGroup } = await import('../sessions/switch-group.js');
    await withConnection(group, sessionDirIO(group, io), (c) => switchGroup(c.client, io, target, Boolean(loginArgs(group).quiet)));
  });
  sessions.addCommand(group);

  const timeout = new Command('timeout')
    .description('Query or set the timeToIdle for the given session')
    .argument('[seconds]', 'Number of seconds to set the timeToIdle value to', parseIntArgument)
    .option('--session <SESSION>', 'Session other than the current to update');
  timeout.action(async (seconds: number | undefined, opts: { session?: string }) => {
    const { sessionTimeout } = await import('../sessions/session-timeout.js');
    await withConnection(timeout, io, (c) => sessionTimeout(c.client, io, seconds, opts.session));
  });
  sessions.addCommand(timeout);

  const list = withSessionDirOption(new Command('list').description(LIST_HELP).option('--no-purge', 'Do not remove inactive sessions'));
  list.action(async (opts: { purge: boolean }) => {
    const { collectSessionList } = await import('../sessions/list-sessions.js');
    const { sessionTransports, openSessionStore } = await import('../login/connect.js');
    const { renderTable } = await import('../output/index.js');
    const sio = sessionDirIO(list, io);
    const table = await collectSessionList(await openSessionStore(sio), sessionTransports(sio), opts.purge);
    out(io, renderTable(table));
  });
  sessions.addCommand(list);

  const who = new Command('who')
    .description(WHO_HELP)
    .option('--show-uuid', 'Show the key of your own session (others cannot be shown)');
  who.action(async (opts: { showUuid?: boolean }) => {
    const { collectWho } = await import('../sessions/who-sessions.js');
    const { renderTable } = await import('../output/index.js');
    const table = await withConnection(who, io, (c) => collectWho(c.client.getSession(), Boolean(opts.showUuid), c.client.getSessionId()));
    out(io, renderTable(table));
  });
  sessions.addCommand(who);

  const keepalive = withSessionDirOption(
    new Command('keepalive')
      .description('Keeps the current session alive')
      .option('-f, --frequency <SECS>', 'Time in seconds between keep alive calls', parseIntArgument, 60),
  );
  keepalive.action(async (opts: { frequency: number }) => {
    const { keepAlive } = await import('../sessions/keep-alive.js');
    await withConnection(keepalive, sessionDirIO(keepalive, io), (c) => keepAlive(c.client.getSession(), io, opts.frequency));
  });
  sessions.addCommand(keepalive);

  const clear = withSessionDirOption(
    new Command('clear')
      .description('Close and remove locally stored sessions')
      .option('--all', 'Remove all locally stored sessions not just inactive ones'),
  );
  clear.action(async () => {
    const { clearSessions } = await import('../sessions/clear-sessions.js');
    const { sessionTransports, openSessionStore } = await import('../login/connect.js');
    const sio = sessionDirIO(clear, io);
    const count = await clearSessions(await openSessionStore(sio), sessionTransports(sio));
    out(io, `${count} session(s) cleared`);
  });
  sessions.addCommand(clear);

  const file = withSessionDirOption(new Command('file').description('Print the path to the current session file'));
  file.action(async () => {
    const { join } = await import('node:path');
    const { openSessionStore } = await import('../login/connect.js');
    const { quoteHost } = await import('../../client/session-store/index.js');
    const store = await openSessionStore(sessionDirIO(file, io));
    const { host, user, uuid } = await store.getCurrent();
    if (!user || !uuid) return;
    out(io, (await store.sessionFile(host, user, uuid)) ?? join(store.dir, quoteHost(host), user, uuid));
  });
  sessions.addCommand(file);

  const key = withSessionDirOption(new Command('key').description('Print the key of the current active session'));
  key.action(async () => {
    const { openSessionStore } = await import('../login/connect.js');
    const { uuid } = await (await openSessionStore(sessionDirIO(key, io))).getCurrent();
    if (uuid) out(io, uuid);
  });
  sessions.addCommand(key);

  sessions.addCommand(openCommand(io));

  const close = new Command('close')
    .description('Close the session with the given session ID')
    .argument('[sessionId]', 'The session ID');
  close.action(async (sessionId: string | undefined) => {
    await withConnection(close, io, async (c) => {
      const svc = c.client.getSession().getSessionService();
      try {
        if (sessionId === undefined) throw new Error('no session id');
        await svc.getSession(sessionId);
      } catch {
        err(io, 'No session with the given ID found.');
        return;
      }
      await svc.closeSession(sessionId);
      out(io, `Session ${sessionId} closed.`);
    });
  });
  sessions.addCommand(close);

  return sessions;
}

/**
 * `sessions open (--user-id U | --user-name U) [--group-id G | --group-name G] [--timeout [SECS]]`:
 * OMERO creates a session for another user, for admins with the Sudo privilege. The privilege
 * check is OMERO's (rc 111 `SecurityViolation: Admins only!` / `…Admin restrictions: Sudo`); the
 * session itself is refused for now, like `--sudo` (rc 1), until restricted administrators arrive.
 */
function openCommand(io: CliIO): Command {
  const userId = new Option('--user-id <USER_ID>', 'ID of the user.');
  const userName = new Option('--user-name <USER_NAME>', 'Name of the user.');
  const groupId = new Option('--group-id <GROUP_ID>', 'ID of the group.').conflicts('groupName');
  const groupName = new Option('--group-name <GROUP_NAME>', 'Name of the group.').conflicts('groupId');
  const open = new Command('open')
    .description('Create a session for the given user and group')
    .addOption(userId)
    .addOption(userName)
    .addOption(groupId)
    .addOption(groupName)
    .addOption(new Option('--timeout [TIMEOUT]', 'Timeout in seconds (optional; default: maximum possible)').argParser(parseIntArgument));
  requireOneOf(open, userId, userName);
  open.action(async (opts: { userId?: string; userName?: string; groupId?: string; groupName?: string; timeout?: number | true }) => {
    await withConnection(open, io, async (c) => {
      await requireAdminPrivileges(c.client.getSession().getAdminService(), ['Sudo'], 'sessions open');
      const user = opts.userId ?? opts.userName!;
      const group = opts.groupId ?? opts.groupName ?? null;
      const idleMs = typeof opts.timeout === 'number' && opts.timeout > 0 ? opts.timeout * 1000 : null;
      let s;
      try {
        s = await c.client.getSession().getSessionService().createSessionFor(user, group, idleMs);
      } catch (e) {
        if (e instanceof ApiUsageException && e.message === 'No user found') throw new CliError(156, 'No user found');
        if (e instanceof ApiUsageException || e instanceof SecurityViolation) throw new CliError(557, `${e.name}: ${e.message}`);
        throw e;
      }
      err(io, `Session created for user ${s.userName} in group ${s.groupName} (timeToIdle: ${s.timeToIdleMs / 1000} sec, timeToLive: ${s.timeToLiveMs / 1000} sec)`);
      out(io, s.key);
    });
  });
  return open;
}
