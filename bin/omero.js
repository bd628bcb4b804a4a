#!/usr/bin/env node
// The `omero` command. Built JavaScript lives in dist/ (made by `npm ci` through `prepare`): one
// bundle for this thread, loaded with a V8 code cache, and the ES modules it was made from.
import { loadBundle } from '../dist/startup/bundle-loader.js';

const bundle = loadBundle(new URL('../dist/bundle/omero-cli.cjs', import.meta.url));
/** @type {typeof import('../dist/startup/cli-entry.js')} */
const cli = bundle ? bundle.exports : await import('../dist/startup/cli-entry.js');
process.exitCode = await cli.main(process.argv.slice(2));
bundle?.refreshCodeCache();
