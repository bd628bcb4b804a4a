import './checkout-env.js';
import { bundleFor, PLUGIN_NAMES, requestedCommand } from '../cli/requested-command.js';
import { socketThreadSpec } from '../client/transport/socket-thread.js';
import { spawnEarly } from '../client/transport/thread-spawn.js';
import { loadBundle } from './bundle-loader.js';
import { earlyConnection } from './early-connection.js';
import { traceMark } from './startup-trace.js';

/**
 * What `bin/omero.js` runs first when dist/ has its bundles: this module is itself bundled as
 * CommonJS (dist/bundle/launcher.cjs), so that Node starts the command without its ES module
 * loader (about a quarter of a `node -e 0`). For a shell whose calls come at once (not on a
 * terminal: piped input, `--python`) it starts the connection thread first (a second Node
 * environment takes as long to start as the shell's bundle takes to load, and the two overlap on
 * a second core); at a terminal's prompt that thread starts with the first statement. Then it
 * picks the command line's bundle, loads it with its code cache and runs it. Returns false when that bundle is missing (the caller then imports dist/'s
 * ES modules).
 */
export function launch(argv: readonly string[]): boolean {
  // The same thread and locator the shell's transportFor({ host: 'localhost' }) asks for (shared-transport.ts), which takes it over.
  if (earlyConnection(argv) === 'blocking') {
    spawnEarly(socketThreadSpec({ userDirEnv: { ...process.env } }));
    traceMark('connection thread started');
  }
  // Each plugin's runs keep their own code cache (bundle-loader.ts LoadOptions).
  const requested = requestedCommand(argv)?.name;
  const variant = requested !== undefined && PLUGIN_NAMES.has(requested) ? requested : undefined;
  const bundle = loadBundle(new URL(`../bundle/${bundleFor(argv)}`, import.meta.url), { variant });
  if (!bundle) return false;
  const cli = bundle.exports as unknown as typeof import('./cli-entry.js');
  void cli.main(argv).then((status) => {
    process.exitCode = status;
    bundle.refreshCodeCache();
    if (cli.exitsAtOnce()) process.exit(status);
  });
  return true;
}
