/**
 * What `bin/omero.js` runs: the entry point of the CLI bundle that scripts/build.mjs makes
 * (dist/bundle/omero-cli.cjs), and what bin/omero.js imports when there is no bundle.
 * checkout-env.js comes first (it settles which database a checkout uses), then early-server.js:
 * modules run in import order, so the server thread starts before the rest of the command line is
 * even evaluated.
 */
import './checkout-env.js';
import './early-server.js';

export { main } from '../cli/main.js';
export { exitsAtOnce } from './exit-at-once.js';
