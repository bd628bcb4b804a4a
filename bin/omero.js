#!/usr/bin/env node
// The `omero` command. Built JavaScript lives in dist/ (made by `npm ci` through `prepare`): one
// bundle for this thread, loaded with a V8 code cache, and the ES modules it was made from. A
// command that only talks to a server runs from the smaller client bundle (scripts/bundle.mjs).
import { loadBundle } from '../dist/startup/bundle-loader.js';
import { fitsClientBundle } from '../dist/cli/requested-command.js';

const name = fitsClientBundle(process.argv.slice(2)) ? 'omero-client.cjs' : 'omero-cli.cjs';
const bundle = loadBundle(new URL(`../dist/bundle/${name}`, import.meta.url));
/** @type {typeof import('../dist/startup/cli-entry.js')} */
const cli = bundle ? bundle.exports : await import('../dist/startup/cli-entry.js');
process.exitCode = await cli.main(process.argv.slice(2));
bundle?.refreshCodeCache();
