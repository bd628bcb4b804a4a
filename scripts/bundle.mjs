// The start-up bundles (issue 6, scripts/bench): dist/ has hundreds of small ES modules, and
// loading them (resolving, reading, compiling each) was most of every command's start-up. esbuild
// bundles the built modules into one CommonJS file per thread, which bin/omero.js and the worker
// load with a V8 code cache (src/startup/bundle-loader.ts). Run by scripts/build.mjs after tsc.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bundles: entry module in dist/ → bundle in dist/bundle. The build runs each bundle's top
 * level once and caches the code compiled by then (the entries start nothing when loaded).
 */
const BUNDLES = [
  { entry: 'startup/cli-entry.js', out: 'bundle/omero-cli.cjs' },
  // The same command line for the commands that only talk to a server (issue 10: start-up): what
  // the `admin`, `db`, `demo` and `shell` plugins load dynamically (the server with Knex and pg,
  // the shells) is left out: a third of the size. src/cli/requested-command.ts bundleFor picks.
  // Local names are shortened too (minifyIdentifiers): no code in it reads a function's source
  // (the shell's help() lists parameter names from it, so the shell's bundles keep theirs).
  { entry: 'startup/cli-entry.js', out: 'bundle/omero-client.cjs', leaveOut: /[\\/]dist[\\/](server|shell|demo)[\\/]/, leftOutBy: /[\\/]dist[\\/]cli[\\/]commands[\\/](admin|db|demo|shell)\.js$/, shortNames: true },
  // The same for the shell (issue 10: the shell's start-up): its modules, without the server.
  { entry: 'startup/cli-entry.js', out: 'bundle/omero-shell.cjs', leaveOut: /[\\/]dist[\\/](server|demo)[\\/]/, leftOutBy: /[\\/]dist[\\/]cli[\\/]commands[\\/](admin|db|demo)\.js$/ },
  { entry: 'server/worker/serve-requests.js', out: 'bundle/server-worker.cjs' },
  { entry: 'client/transport/serve-socket.js', out: 'bundle/socket-worker.cjs' },
];

/** What each bundle is wrapped in: a function of CommonJS's arguments (src/startup/bundle-loader.ts loadBundle calls it). */
const CJS_WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const CJS_WRAPPER_TAIL = '\n})';

/**
 * Left out of the bundles, loaded from node_modules at run time: PGlite (it finds its WebAssembly
 * and data files next to its own modules; only the embedded database loads it), esbuild (a native
 * binary; the shell loads it on first input), the keyring (native), tsx, and the drivers of Knex
 * dialects we never use (Knex requires them only when such a client is created).
 */
const EXTERNAL = [
  '@electric-sql/pglite',
  'esbuild',
  '@napi-rs/keyring',
  'tsx',
  'tsx/*',
  'pg-native',
  'pg-query-stream',
  'pg-cloudflare',
  'mysql',
  'mysql2',
  'mariadb',
  'mariadb/*',
  'sqlite3',
  'better-sqlite3',
  'oracledb',
  'tedious',
  // ws's optional native speed-ups, required inside a try: absent here, and ws works without them.
  'bufferutil',
  'utf-8-validate',
];

/** Knex's dialects other than PostgreSQL (`knex/lib/dialects/index.js` requires each lazily). */
const UNUSED_DIALECTS = /^\.\/(better-sqlite3|cockroachdb|mssql|mysql|mariadb|mysql2|oracle|oracledb|pgnative|redshift|sqlite3)$/;

/**
 * Rewrites what a CommonJS bundle cannot keep from the ES modules: `import.meta.url` becomes the
 * URL of the same module in dist/ (so paths computed from it do not move), and the HQL parser's
 * loader of chevrotain (a top-level await that picks chevrotain's single-file build) becomes a
 * plain re-export: the bundle holds chevrotain anyway.
 */
function distModulesPlugin(dist, outfile) {
  return {
    name: 'omero-dist-modules',
    setup(build) {
      build.onResolve({ filter: UNUSED_DIALECTS }, (args) =>
        /knex[\\/]lib[\\/]dialects[\\/]index\.js$/.test(args.importer) ? { path: args.path, namespace: 'unused-dialect' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'unused-dialect' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`Knex dialect ${args.path.slice(2)} is not part of omero-shell`)});`,
        loader: 'js',
      }));
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (/[\\/]node_modules[\\/]pg[\\/]lib[\\/]stream\.js$/.test(args.path)) return patchPgStream(args.path);
        if (!args.path.startsWith(dist + sep)) return undefined;
        let text = readFileSync(args.path, 'utf8');
        if (args.path === join(dist, 'server', 'hql', 'parser', 'chevrotain.js')) {
          text = "export { createToken, EmbeddedActionsParser, Lexer, tokenLabel } from 'chevrotain';\n";
        }
        if (text.includes('import.meta')) {
          const rel = relative(dirname(outfile), args.path).split(sep).join('/');
          text = text.replaceAll('import.meta.url', `require('node:url').pathToFileURL(__dirname + ${JSON.stringify('/' + rel)}).href`);
          if (text.includes('import.meta')) throw new Error(`${args.path}: import.meta other than import.meta.url cannot be bundled`);
        }
        return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * pg looks for a Cloudflare Worker when it loads (`pg/lib/stream.js`: `typeof Response`, then
 * `new Response(…)`), and on Node 20 touching `Response` loads undici: ~15 ms of the server
 * thread's start-up. The bundle runs on Node only, so it takes Node's socket functions directly.
 * A pg whose file no longer has that line is left as it is (only slower).
 */
function patchPgStream(path) {
  const text = readFileSync(path, 'utf8');
  const patched = text.replace('const { getStream, getSecureStream } = getStreamFuncs()', 'const { getStream, getSecureStream } = getNodejsStreamFuncs()');
  return { contents: patched, loader: 'js', resolveDir: dirname(path) };
}

/**
 * Node's modules that most commands never use, or use only on some paths (TLS, compression, child
 * processes, prompts, threads), yet which the bundled modules require at their top: loading them
 * took about a sixth of `node -e 0` for every command. In the bundles each becomes an object with
 * the same property names whose getters load the real module on first use.
 */
const LAZY_BUILTINS = ['child_process', 'crypto', 'fs/promises', 'https', 'os', 'perf_hooks', 'readline', 'readline/promises', 'tls', 'tty', 'worker_threads', 'zlib'];

/**
 * Packages in the same case: acorn, the shell's statement parser, builds its Unicode tables as it
 * loads (1.4 ms), which the shell's prompt does not need; its first statement does. In the bundles
 * each is such an object too, whose getters run the bundled package (as CommonJS) on first use.
 */
const LAZY_PACKAGES = ['acorn'];

/** A module with `keys` as properties whose getters evaluate `requireCall` once, on first use. */
function lazyModule(requireCall, keys) {
  return `let real;
const load = () => (real ??= ${requireCall});
for (const key of ${JSON.stringify(keys)}) {
  Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key] });
}`;
}

function lazyBuiltinsPlugin() {
  const requireHere = createRequire(import.meta.url);
  const builtins = new Map(LAZY_BUILTINS.map((m) => [m, Object.keys(requireHere(`node:${m}`))]));
  const packages = new Map(LAZY_PACKAGES.map((p) => [p, Object.keys(requireHere(p))]));
  return {
    name: 'omero-lazy-builtins',
    setup(build) {
      build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, '');
        if (builtins.has(name) && args.namespace !== 'lazy-builtin') return { path: name, namespace: 'lazy-builtin' };
        // The shim's own require of the package resolves as usual (and is bundled).
        if (packages.has(args.path) && args.namespace !== 'lazy-package') return { path: args.path, namespace: 'lazy-package' };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
        contents: lazyModule(`require(${JSON.stringify(`node:${args.path}`)})`, builtins.get(args.path)),
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        contents: lazyModule(`require(${JSON.stringify(args.path)})`, packages.get(args.path)),
        loader: 'js',
        resolveDir: root(build),
      }));
    },
  };
}

/**
 * Leaves out of a bundle what the commands of `leftOutBy` (the plugins the client bundle never
 * runs) load dynamically from modules matching `leaveOut`: such an import becomes a module that
 * throws. The build fails if any other module of the CLI or the client imports such a module
 * dynamically, so the bundle can only lack code its commands never reach. (Static imports are
 * bundled as usual: the client needs the server's database-config, for one.)
 */
function leaveOutPlugin(leaveOut, leftOutBy) {
  return {
    name: 'omero-leave-out',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const target = join(args.resolveDir, args.path);
        if (args.kind !== 'dynamic-import' || !leaveOut.test(target) || leaveOut.test(args.importer)) return undefined;
        if (!leftOutBy.test(args.importer)) {
          throw new Error(`${args.importer} imports ${args.path}, which this bundle leaves out: run the command from another bundle (src/cli/requested-command.ts bundleFor)`);
        }
        return { path: target, namespace: 'left-out' };
      });
      build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`${relative(root(build), args.path)} is not part of the client bundle`)});`,
        loader: 'js',
      }));
    },
  };
}

function root(build) {
  return build.initialOptions.absWorkingDir ?? process.cwd();
}

/** Bundles dist/'s modules (run after tsc), then writes each bundle's code cache. */
export async function bundle(root) {
  const esbuild = await import('esbuild');
  const dist = join(root, 'dist');
  /** Each bundle's modules (paths relative to the checkout), for the tests: a minified bundle names none. */
  const modules = {};
  // Written at the head of every bundle: a code cache records the build it was made for
  // (src/startup/bundle-loader.ts bundleIdentity).
  const buildId = randomBytes(8).toString('hex');
  for (const b of BUNDLES) {
    const outfile = join(dist, b.out);
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [join(dist, b.entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // Class names are OMERO's exception and model types (printed, and sent over the wire).
      keepNames: true,
      // `import()` becomes require(): a script run by vm cannot import() without an experimental flag.
      supported: { 'dynamic-import': false },
      external: EXTERNAL,
      legalComments: 'none',
      // No comments (some hold non-ASCII text, which made V8 read and hold the whole bundle as a
      // two-byte string: 3 ms more to read), a third less to read and compile; function and class
      // names are kept (keepNames), local ones only where the bundle says so.
      minifyWhitespace: true,
      ...(b.shortNames ? { minifyIdentifiers: true, minifySyntax: true } : {}),
      // The build's id, then the CommonJS wrapper V8 compiles (src/startup/bundle-loader.ts):
      // written here, it is not added at load time, which made V8 copy the whole text once more.
      banner: { js: `/*omero-shell build ${buildId}*/${CJS_WRAPPER_HEAD}` },
      footer: { js: CJS_WRAPPER_TAIL },
      metafile: true,
      logLevel: 'warning',
      plugins: [...(b.leaveOut ? [leaveOutPlugin(b.leaveOut, b.leftOutBy)] : []), lazyBuiltinsPlugin(), distModulesPlugin(dist, outfile)],
    });
    modules[b.out.replace(/^bundle\//, '')] = Object.values(result.metafile.outputs).flatMap((o) => Object.keys(o.inputs)).sort();
  }
  writeFileSync(join(dist, 'bundle', 'modules.json'), `${JSON.stringify(modules, null, 1)}\n`);
  // bin/omero.js and the workers load their bundles through CommonJS copies of the loader (no
  // ES module loader to start): the launcher also picks the command line's bundle.
  for (const [entry, out] of [
    ['bundle-loader.js', 'bundle-loader.cjs'],
    ['launcher.js', 'launcher.cjs'],
  ]) {
    const outfile = join(dist, 'bundle', out);
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: [join(dist, 'startup', entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
      plugins: [lazyBuiltinsPlugin(), distModulesPlugin(dist, outfile)],
    });
  }
  // The code caches, made by the node that builds (V8 rejects a cache from another version, and
  // the loader then rewrites it). A child process, so that running a bundle's top level leaves
  // this one alone.
  const loader = pathToFileURL(join(dist, 'startup', 'bundle-loader.js')).href;
  const script = `const { buildCodeCache } = await import(${JSON.stringify(loader)});
    for (const file of JSON.parse(process.argv[1])) buildCodeCache(file);`;
  const list = BUNDLES.map((b) => join(dist, b.out));
  execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(list)], { stdio: 'inherit', cwd: root });
}
