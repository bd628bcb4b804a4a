import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/** src/model must stay plain data: no file system, no database, no server or client code. */
const MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/model');

const FORBIDDEN_PACKAGES = ['node:fs', 'fs', 'node:fs/promises', 'fs/promises', 'knex', 'knex-pglite', 'pg', '@electric-sql/pglite'];

/** Every module specifier imported, re-exported, dynamically imported or required by `source`. */
function importSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const found: Array<[number, string]> = [];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) found.push([match.index ?? 0, match[1] ?? '']);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, specifier]) => specifier);
}

/** Why `specifier` (imported by `file`) breaks the rule, or null. */
function violation(file: string, specifier: string): string | null {
  const bare = specifier.replace(/^node:/, '');
  if (FORBIDDEN_PACKAGES.includes(specifier) || FORBIDDEN_PACKAGES.includes(bare) || /^(pg|knex)\//.test(specifier)) {
    return `imports ${specifier}`;
  }
  if (/(^|\/)(server|client)(\/|$)/.test(specifier)) return `imports server/client code (${specifier})`;
  if (!specifier.startsWith('.')) return `imports non-relative module ${specifier} (model has no dependencies)`;
  const target = resolve(dirname(file), specifier);
  if (target !== MODEL_DIR && !target.startsWith(MODEL_DIR + sep)) return `reaches outside src/model (${specifier})`;
  return null;
}

function modelFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modelFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('dependency rule for src/model', () => {
  it('finds the model sources', () => {
    const files = modelFiles(MODEL_DIR);
    assert.ok(files.length > 40, `only ${files.length} files found`);
    assert.ok(files.some((f) => f.endsWith(`${sep}index.ts`)));
  });

  it('no file imports node:fs, knex, pg, server or client code, or anything outside src/model', () => {
    const problems: string[] = [];
    for (const file of modelFiles(MODEL_DIR)) {
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        const why = violation(file, specifier);
        if (why !== null) problems.push(`${relative(MODEL_DIR, file)}: ${why}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the checker catches each kind of violation', () => {
    const file = join(MODEL_DIR, 'objects', 'x.ts');
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import knex from 'knex';",
      "import type { Pool } from 'pg';",
      "export { a } from '../../server/services/admin.js';",
      "const c = await import('../../client/remote.js');",
      "import '../../shell/side-effect.js';",
      "const r = require('fs/promises');",
      "import { ok } from './fine.js';",
    ].join('\n');
    const found = importSpecifiers(source);
    assert.equal(found.length, 8);
    const verdicts = found.map((s) => violation(file, s));
    assert.deepEqual(verdicts.map((v) => v !== null), [true, true, true, true, true, true, true, false]);
    assert.match(verdicts[3] ?? '', /server\/client/);
    assert.match(verdicts[5] ?? '', /outside src\/model/);
    assert.equal(violation(file, 'node:path') !== null, true);
  });
});
