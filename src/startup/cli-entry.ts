/**
 * What `bin/omero.js` runs: the entry point of the CLI bundle that scripts/build.mjs makes
 * (dist/bundle/omero-cli.cjs), and what bin/omero.js imports when there is no bundle.
 * early-server.js comes first: modules run in import order, so the server thread starts before the
 * rest of the command line is even evaluated.
 */
import './early-server.js';

export { main } from '../cli/main.js';
