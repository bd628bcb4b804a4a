import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../../src/server/auth/password-hash.js';
import { openBenchEnvironment, OMERO_BIN, ROOT_PASSWORD, type EngineName } from './engines.js';
import { mustRun } from './processes.js';
import { ratio, round, since } from './stats.js';

/** One timed way of making the users. */
export interface ImportVariant {
  readonly label: string;
  /** Users made this way in the run. */
  readonly users: number;
  readonly seconds: number;
  /** Seconds for `target` users: measured when users = target, else extrapolated linearly. */
  readonly secondsForTarget: number;
  readonly extrapolated: boolean;
}

export interface ImportResult {
  readonly engine: EngineName;
  readonly target: number;
  readonly groups: number;
  readonly variants: readonly ImportVariant[];
  /** Generated passwords: users imported, and the seconds the same number of hashes takes alone. */
  readonly passwords: { readonly users: number; readonly importSeconds: number; readonly hashSeconds: number; readonly ratio: number };
  /** The targets of issue 14. */
  readonly targets: { readonly withoutPasswordsSeconds: number; readonly passwordRatio: number };
}

/** `users` rows spread over `groups` groups, optionally with one more column. */
function courseFile(path: string, prefix: string, users: number, groups: number, extra?: { header: string; cell: (i: number) => string }): void {
  const lines = [`login,first,last,email,groups${extra ? `,${extra.header}` : ''}`];
  for (let i = 1; i <= users; i++) {
    lines.push(`${prefix}-${i},User,Number ${i},${prefix}-${i}@example.org,${prefix}-g${i % groups}${extra ? `,${extra.cell(i)}` : ''}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`, { mode: 0o600 });
}

/**
 * Provisioning at scale (issue 14): `omero user import` of `target` users in `groups` groups
 * from one CSV — without passwords, again (nothing to change), and with a password hash in each
 * row — each one process, one command, through the API. Then generated passwords on a sample,
 * against the same number of password hashes computed alone (the floor: the hash is memory-hard
 * by design); and, beside it, one `omero user add` process per user (a sample, extrapolated).
 */
export async function benchImport(
  engine: EngineName,
  o: { target: number; groups: number; passwordUsers: number; processes: number; pgUrl: string; log: (s: string) => void },
): Promise<ImportResult> {
  const env = await openBenchEnvironment(engine, o.pgUrl, 'import');
  const omero = (args: string[], input?: string) => mustRun(process.execPath, [OMERO_BIN, '-q', ...args], env.env, input);
  try {
    await mustRun(process.execPath, [OMERO_BIN, 'login', '-s', 'localhost', '-u', 'root'], { ...env.env, OMERO_PASSWORD: ROOT_PASSWORD });
    const variants: ImportVariant[] = [];
    const variant = (label: string, users: number, seconds: number) => {
      variants.push({ label, users, seconds: round(seconds), secondsForTarget: round((seconds * o.target) / users), extrapolated: users !== o.target });
    };
    const plain = join(env.userDir, 'users.csv');
    courseFile(plain, 'imp', o.target, o.groups);
    let t0 = performance.now();
    await omero(['user', 'import', plain, '--create-groups', '--style', 'csv']);
    variant(`user import: ${o.target} users in ${o.groups} groups, no passwords (groups created)`, o.target, since(t0) / 1000);
    o.log(`  imported ${o.target} users`);
    t0 = performance.now();
    await omero(['user', 'import', plain, '--style', 'csv']);
    variant('the same file again (every row unchanged)', o.target, since(t0) / 1000);
    const hashed = join(env.userDir, 'hashed.csv');
    const hash = await hashPassword('bench-password');
    courseFile(hashed, 'hash', o.target, o.groups, { header: 'password-hash', cell: () => `"${hash}"` });
    t0 = performance.now();
    await omero(['user', 'import', hashed, '--create-groups', '--style', 'csv']);
    variant(`user import: ${o.target} users with a password hash in the file`, o.target, since(t0) / 1000);
    o.log('  imported the hashed file');

    // Generated passwords: a sample, against the same number of hashes alone (in parallel, as the import hashes).
    const generated = join(env.userDir, 'generated.csv');
    courseFile(generated, 'gen', o.passwordUsers, o.groups);
    t0 = performance.now();
    await omero(['user', 'import', generated, '--create-groups', '--generate-passwords', join(env.userDir, 'passwords.csv'), '--style', 'csv']);
    const importSeconds = since(t0) / 1000;
    variant('user import with --generate-passwords', o.passwordUsers, importSeconds);
    t0 = performance.now();
    await Promise.all(Array.from({ length: o.passwordUsers }, (_, i) => hashPassword(`floor-${i}`)));
    const hashSeconds = since(t0) / 1000;
    variant(`${o.passwordUsers} password hashes alone (the floor)`, o.passwordUsers, hashSeconds);
    o.log('  generated passwords');

    // One `omero user add` process per user, as the shell loops of OMERO sites run it.
    t0 = performance.now();
    for (let i = 1; i <= o.processes; i++) {
      await omero(['user', 'add', `add-${i}`, 'Add', 'User', 'imp-g0', '--userpassword-stdin'], `pw-${i}\n`);
    }
    variant('one `omero user add` process per user (with password)', o.processes, since(t0) / 1000);
    return {
      engine,
      target: o.target,
      groups: o.groups,
      variants,
      passwords: { users: o.passwordUsers, importSeconds: round(importSeconds), hashSeconds: round(hashSeconds), ratio: ratio(importSeconds, hashSeconds) },
      targets: { withoutPasswordsSeconds: 10, passwordRatio: 1.2 },
    };
  } finally {
    await env.close();
  }
}
