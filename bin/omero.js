#!/usr/bin/env node
'use strict';
// The `omero` command. Built JavaScript lives in dist/ (made by `npm ci` through `prepare`): one
// bundle per kind of command, loaded with a V8 code cache, and the ES modules they were made
// from. This file is CommonJS (bin/package.json), and so is the launcher it loads
// (src/startup/launcher.ts): Node then never starts its ES module loader.
const argv = process.argv.slice(2);
if (!launchBundle()) {
  import('../dist/startup/cli-entry.js').then(async (cli) => {
    process.exitCode = await cli.main(argv);
    if (cli.exitsAtOnce()) process.exit();
  });
}

/** Runs the command from dist/bundle; false if there are no bundles (then dist/'s ES modules run). */
function launchBundle() {
  let launcher;
  try {
    launcher = require('../dist/bundle/launcher.cjs');
  } catch {
    return false;
  }
  return launcher.launch(argv);
}
