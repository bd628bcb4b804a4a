import type { REPLServer } from 'node:repl';
import type { OmeroClient } from '../client/omero-client.js';
import { setDefaultIceLayout } from '../model/index.js';
import { generalHelp } from './shell-helpers.js';
import { formatError, isError, type WriterOptions } from './shell-writer.js';

/** What the dot-commands need from the running shell. */
export interface CommandHost {
  readonly client: OmeroClient | null;
  readonly state: WriterOptions;
  say(line: string): void;
  /** The prompt for the client's current state. */
  refreshPrompt(): void;
  /** `user@group`, or null without a live session (the reason is said). */
  whoami(): string;
  /** Logs in again in place (`.login`). */
  login(): Promise<void>;
}

/** The shell's dot-commands: .help, .whoami, .login, .group, .format, .stack. */
export function defineShellCommands(r: REPLServer, host: CommandHost): void {
  const done = () => {
    r.clearBufferedCommand();
    r.displayPrompt();
  };
  const { say, state } = host;
  r.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const cmds = Object.entries((r as unknown as { commands: Record<string, { help?: string }> }).commands).sort(([a], [b]) => a.localeCompare(b));
      for (const [name, c] of cmds) say(`.${name.padEnd(10)}${c.help ?? ''}`);
      say('');
      say(generalHelp());
      say('');
      say('Press Ctrl+C to interrupt a statement or abort the line; Ctrl+C twice on an empty line, Ctrl+D or exit to leave.');
      done();
    },
  });
  r.defineCommand('whoami', {
    help: 'Show the user, group and session of this shell',
    action() {
      say(host.whoami());
      done();
    },
  });
  r.defineCommand('login', {
    help: 'Log in again in place (after the session ended)',
    action() {
      host.login().finally(done);
    },
  });
  r.defineCommand('group', {
    help: "Switch the session group: .group NAME (prefer {'omero.group': id} per call)",
    action(name: string) {
      const target = name.trim();
      const client = host.client;
      if (!client?.getSessionInfo() || !target) {
        say(client?.getSessionInfo() ? 'usage: .group NAME' : 'Not logged in.');
        return done();
      }
      try {
        const sf = client.getSession();
        const admin = sf.getAdminService();
        const group = /^\d+$/.test(target) ? admin.getGroup(Number(target)) : admin.lookupGroup(target);
        sf.setSecurityContext(group);
        say(
          `Switched to group '${group.name!.val}' (id=${group.id!.val}). Note: switching the active group is ` +
            "discouraged (seed 002): it fails while stateful services are open; pass {'omero.group': id} per call instead.",
        );
        host.refreshPrompt();
      } catch (e) {
        say(isError(e) ? formatError(e, state) : String(e));
      }
      done();
    },
  });
  r.defineCommand('format', {
    help: "Ice print layout: '.format seed' (as seed 002 shows it, default) or '.format current' (OMERO ≥ 5.4 fields)",
    action(arg: string) {
      const v = arg.trim();
      if (v === 'seed' || v === 'current') {
        state.format = v;
        setDefaultIceLayout(v);
      }
      say(`format: ${state.format}`);
      done();
    },
  });
  r.defineCommand('stack', {
    help: "Show stack traces of errors: '.stack on' or '.stack off'",
    action(arg: string) {
      const v = arg.trim();
      if (v === 'on' || v === 'off') state.stacks = v === 'on';
      say(`stack traces: ${state.stacks ? 'on' : 'off'}`);
      done();
    },
  });
}
