import { accessSync, constants, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Script } from 'node:vm';
import { traceWrite } from './trace-write.js';

/**
 * What happened to a bundle's V8 code cache: `accepted` (compilation was skipped), `rejected`
 * (stale or corrupt: V8 compiled from source and the cache was rewritten), `absent` (no cache file,
 * or not one of ours; it was written after loading).
 */
export type CodeCacheState = 'accepted' | 'rejected' | 'absent';

/** A CommonJS bundle made by scripts/build.mjs, loaded and run. */
export interface LoadedBundle {
  /** The bundle's `module.exports`. */
  readonly exports: Record<string, unknown>;
  readonly file: string;
  readonly codeCache: CodeCacheState;
  /**
   * Writes the code cache again, now that more functions have been compiled (after a command ran),
   * if the cache read at load time was absent, rejected, made at build time or another variant's.
   * Never throws.
   */
  refreshCodeCache(): void;
}

/**
 * The code cache file starts with this tag, a flag byte (1 once written after a real run) and the
 * identity of the bundle it was made from, then V8's data. A file without the tag, or made from
 * another bundle file, is treated as absent.
 */
const TAG = Buffer.from('omero-shell code cache v2\n');

/**
 * Which bundle a cache was made from: the length of its text and the build's id, which the build
 * writes at the head of every bundle (scripts/bundle.mjs). V8 itself checks little more than the
 * length, so a process of an earlier build that writes its cache after a rebuild must not have it
 * taken for the new bundle's. (Not the file's time: copies and installs change that.)
 */
function bundleIdentity(source: string): Buffer {
  const build = /^\/\*omero-shell build ([0-9a-f]{1,32})\*\//.exec(source.slice(0, 64))?.[1] ?? '';
  const id = Buffer.alloc(48);
  id.write(`${source.length}:${build}`, 'latin1');
  return id;
}

/** The code cache of a bundle: `<bundle>.cache`, next to it; a variant's: `<bundle>.<variant>.cache`. */
export function codeCachePath(bundle: string, variant?: string): string {
  return variant === undefined ? `${bundle}.cache` : `${bundle}.${variant}.cache`;
}

/** A name a code cache may be kept under (a plugin's: `user`, `group`, …). */
const VARIANT = /^[a-z]{1,20}$/;

/** How a bundle is loaded. */
export interface LoadOptions {
  /**
   * What this run will do (the command's plugin; the launcher passes only plugins' names). After
   * a run, the cache holds what that run compiled, so a cache made by one command serves another
   * one poorly (`user list` took 9 ms more with the cache `login` had made): each variant keeps
   * its own cache, made after its first run from the shared one (the build's, or as a run without
   * a variant left it). Ignored unless it is a short lowercase name.
   */
  readonly variant?: string;
}


/**
 * Loads a CommonJS bundle through `vm.Script` with a V8 code cache (Node 20 has no
 * `module.enableCompileCache`), so a start-up skips most parsing and compiling (issue 6,
 * scripts/bench). Returns null if the bundle does not exist (an unbundled build, or sources run
 * under tsx): the caller then imports the ES modules of dist/ instead. A missing, stale or corrupt
 * cache only costs time: V8 rejects it and compiles the source. The cache is rewritten atomically
 * (a temporary file, then a rename); failures to write it (a read-only install) are ignored.
 * `OMERO_STARTUP_TRACE=1` reports each bundle and the state of its cache on stderr.
 */
export function loadBundle(bundle: string | URL, options: LoadOptions = {}): LoadedBundle | null {
  const file = typeof bundle === 'string' ? bundle : fileURLToPath(bundle);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const identity = bundleIdentity(source);
  const baseFile = codeCachePath(file);
  // This run's cache: the variant's own, or else the build's to start from.
  const ownFile = options.variant !== undefined && VARIANT.test(options.variant) ? codeCachePath(file, options.variant) : baseFile;
  const own = readCache(ownFile, identity);
  const stored = own ?? (ownFile === baseFile ? null : readCache(baseFile, identity));
  // The build wrote the bundle as one function of CommonJS's arguments (scripts/bundle.mjs), so
  // V8 compiles the file's text as read: adding the wrapper here made V8 copy the text again.
  const script = new Script(source, { filename: file, ...(stored ? { cachedData: stored.data } : {}) });
  const codeCache: CodeCacheState = !stored ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  const trace = process.env.OMERO_STARTUP_TRACE === '1';
  if (trace) traceWrite(`omero-shell: bundle ${file} (code cache ${codeCache})\nomero-shell: +${performance.now().toFixed(1)} ms bundle compiled\n`);
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  if (trace) traceWrite(`omero-shell: +${performance.now().toFixed(1)} ms bundle evaluated\n`);
  // A missing or rejected build cache is replaced at once, so the next start is fast even if this one fails.
  if (codeCache !== 'accepted' && (own === null || ownFile === baseFile)) writeCache(baseFile, script, false, identity);
  let refreshed = codeCache === 'accepted' && own?.warm === true;
  return {
    exports: module.exports,
    file,
    codeCache,
    refreshCodeCache() {
      if (refreshed) return;
      refreshed = true;
      writeCache(ownFile, script, true, identity);
    },
  };
}

/**
 * Writes a bundle's code cache at build time (scripts/bundle.mjs), so that the first run is fast
 * too: the bundle is loaded and its top level run (which must start nothing), so that the module
 * bodies it ran are compiled and cached as well.
 */
export function buildCodeCache(bundle: string): void {
  // Every cache of an earlier build goes: V8 checks little more than the source's length.
  const prefix = `${basename(bundle)}.`;
  for (const name of readdirSync(dirname(bundle))) if (name.startsWith(prefix) && name.endsWith('.cache')) rmSync(join(dirname(bundle), name), { force: true });
  if (!loadBundle(bundle)) throw new Error(`no bundle at ${bundle}`);
}

function readCache(cacheFile: string, identity: Buffer): { readonly data: Buffer; readonly warm: boolean } | null {
  let raw: Buffer;
  try {
    raw = readFileSync(cacheFile);
  } catch {
    return null;
  }
  const start = TAG.length + 1 + identity.length;
  if (raw.length <= start || !raw.subarray(0, TAG.length).equals(TAG)) return null;
  if (!raw.subarray(TAG.length + 1, start).equals(identity)) return null;
  return { data: raw.subarray(start), warm: raw[TAG.length] === 1 };
}

function writeCache(cacheFile: string, script: Script, warm: boolean, identity: Buffer): void {
  const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    // A read-only install: skip making data that cannot be stored.
    accessSync(dirname(cacheFile), constants.W_OK);
    const data = script.createCachedData();
    writeFileSync(tmp, Buffer.concat([TAG, Buffer.from([warm ? 1 : 0]), identity, data]));
    renameSync(tmp, cacheFile);
  } catch {
    rmSync(tmp, { force: true });
  }
}
