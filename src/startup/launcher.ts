import { fitsClientBundle } from '../cli/requested-command.js';
import { loadBundle } from './bundle-loader.js';

/**
 * What `bin/omero.js` runs first when dist/ has its bundles: this module is itself bundled as
 * CommonJS (dist/bundle/launcher.cjs), so that Node starts the command without its ES module
 * loader (about a quarter of a `node -e 0`). It picks the command line's bundle, loads it with its
 * code cache and runs it. Returns false when that bundle is missing (the caller then imports
 * dist/'s ES modules).
 */
export function launch(argv: readonly string[]): boolean {
  const name = fitsClientBundle(argv) ? 'omero-client.cjs' : 'omero-cli.cjs';
  const bundle = loadBundle(new URL(`../bundle/${name}`, import.meta.url));
  if (!bundle) return false;
  const cli = bundle.exports as unknown as typeof import('./cli-entry.js');
  void cli.main(argv).then((status) => {
    process.exitCode = status;
    bundle.refreshCodeCache();
  });
  return true;
}
