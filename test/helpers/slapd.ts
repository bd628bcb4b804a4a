import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway OpenLDAP server for the LDAP tests (node-ecosystem §6): Debian's slapd on a free
 * loopback port, with its own slapd.conf and mdb directory in a temporary directory, loaded
 * offline with slapadd, no system service involved. `stop()` kills it and removes the directory.
 * Without slapd installed the LDAP suites report themselves skipped with SLAPD_MISSING as the
 * reason, and fail instead under OMERO_TEST_REQUIRE=slapd (.ci/run installs slapd and sets it).
 */

export const LDAP_BASE = 'dc=example,dc=org';
export const LDAP_ADMIN_DN = `cn=admin,${LDAP_BASE}`;
export const LDAP_ADMIN_PASSWORD = 'slapd-admin-secret';

/**
 * The directory's people: login → password and DN. `blocked` is excluded by the user filter;
 * `wild` has `departmentNumber: *`, a filter wildcard if it were substituted into a query raw.
 */
export const LDAP_USERS = {
  jsmith: { password: 'jsmith-ldap-password', dn: `uid=jsmith,ou=people,${LDAP_BASE}` },
  jdoe: { password: 'jdoe-ldap-password', dn: `uid=jdoe,ou=people,${LDAP_BASE}` },
  bwayne: { password: 'bwayne-ldap-password', dn: `uid=bwayne,ou=TheLab,ou=people,${LDAP_BASE}` },
  blocked: { password: 'blocked-ldap-password', dn: `uid=blocked,ou=people,${LDAP_BASE}` },
  wild: { password: 'wild-ldap-password', dn: `uid=wild,ou=people,${LDAP_BASE}` },
} as const;

/** A running slapd and the `OMERO_LDAP_*` settings that point the server at it. */
export interface Slapd {
  readonly url: string;
  /**
   * OMERO's settings for this directory: users through `uid` (minus `employeeType=disabled`),
   * new users in the groups listing them as `member` (`:query:(member=@{dn})`).
   */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

const SCHEMAS = ['core', 'cosine', 'nis', 'inetorgperson'];

/** Finds slapd's programs (Debian puts them in /usr/sbin, which may not be on PATH). */
function program(name: string): string {
  for (const dir of ['/usr/sbin', '/usr/local/sbin', ...(process.env.PATH ?? '').split(':')]) {
    const path = join(dir, name);
    if (dir && existsSync(path)) return path;
  }
  throw new Error(`${name} is not installed: the LDAP tests need Debian's slapd (apt-get install slapd ldap-utils; .ci/run does it)`);
}

/** Why the LDAP suites cannot run here (slapd or slapadd not installed), or null when they can. */
export const SLAPD_MISSING: string | null = (() => {
  try {
    program('slapd');
    program('slapadd');
    return null;
  } catch (e) {
    return (e as Error).message;
  }
})();

/** Starts a loaded slapd; call `stop()` in `after`. */
export async function startSlapd(): Promise<Slapd> {
  const slapd = program('slapd');
  const slapadd = program('slapadd');
  const dir = mkdtempSync(join(tmpdir(), 'omero-slapd-'));
  mkdirSync(join(dir, 'data'));
  const conf = join(dir, 'slapd.conf');
  writeFileSync(
    conf,
    [
      ...SCHEMAS.map((s) => `include /etc/ldap/schema/${s}.schema`),
      `pidfile ${join(dir, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'database mdb',
      'maxsize 104857600',
      `suffix "${LDAP_BASE}"`,
      `rootdn "${LDAP_ADMIN_DN}"`,
      `rootpw ${LDAP_ADMIN_PASSWORD}`,
      `directory ${join(dir, 'data')}`,
      'index objectClass eq',
      'index uid eq',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'data.ldif'), directoryLdif());
  const load = spawnSync(slapadd, ['-q', '-f', conf, '-l', join(dir, 'data.ldif')], { encoding: 'utf8' });
  if (load.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`slapadd failed: ${load.stderr}`);
  }
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  // -d 0: stay in the foreground (a child of this process, killed by stop) without debug output.
  const child = spawn(slapd, ['-d', '0', '-f', conf, '-h', `${url}/`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  try {
    await waitForPort(port, child, () => output);
  } catch (e) {
    kill();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url,
    env: {
      OMERO_LDAP_CONFIG: 'true',
      OMERO_LDAP_URLS: url,
      OMERO_LDAP_BASE: LDAP_BASE,
      OMERO_LDAP_USERNAME: LDAP_ADMIN_DN,
      OMERO_LDAP_PASSWORD: LDAP_ADMIN_PASSWORD,
      OMERO_LDAP_USER_FILTER: '(&(objectClass=inetOrgPerson)(!(employeeType=disabled)))',
      OMERO_LDAP_USER_MAPPING: 'omeName=uid,firstName=givenName,lastName=sn,email=mail,institution=o',
      OMERO_LDAP_GROUP_FILTER: '(objectClass=groupOfNames)',
      OMERO_LDAP_GROUP_MAPPING: 'name=cn',
      OMERO_LDAP_NEW_USER_GROUP: ':query:(member=@{dn})',
    },
    async stop() {
      process.removeListener('exit', kill);
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `{SSHA}` as slappasswd makes it: base64(sha1(password ‖ salt) ‖ salt). */
function ssha(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(password).update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}

function person(uid: keyof typeof LDAP_USERS, given: string, sn: string, extra: string[] = []): string {
  const u = LDAP_USERS[uid];
  return [
    `dn: ${u.dn}`,
    'objectClass: inetOrgPerson',
    `uid: ${uid}`,
    `cn: ${given} ${sn}`,
    `givenName: ${given}`,
    `sn: ${sn}`,
    `mail: ${uid}@example.org`,
    ...extra,
    `userPassword: ${ssha(u.password)}`,
  ].join('\n');
}

function group(cn: string, members: readonly (keyof typeof LDAP_USERS)[]): string {
  return [`dn: cn=${cn},ou=groups,${LDAP_BASE}`, 'objectClass: groupOfNames', `cn: ${cn}`, ...members.map((m) => `member: ${LDAP_USERS[m].dn}`)].join('\n');
}

/**
 * The directory: people (jsmith, jdoe, bwayne under ou=TheLab, blocked, wild), and groups lab-a
 * (jsmith, jdoe), lab-b (jsmith), and `system` (jdoe) — a name OMERO reserves, which must never
 * make an LDAP user an administrator.
 */
function directoryLdif(): string {
  const ou = (name: string, parent = LDAP_BASE) => `dn: ou=${name},${parent}\nobjectClass: organizationalUnit\nou: ${name}`;
  return [
    `dn: ${LDAP_BASE}\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example`,
    ou('people'),
    ou('groups'),
    ou('TheLab', `ou=people,${LDAP_BASE}`),
    person('jsmith', 'John', 'Smith', ['o: Example Lab']),
    person('jdoe', 'Jane', 'Doe', ['departmentNumber: lab-a']),
    person('bwayne', 'Bruce', 'Wayne'),
    person('blocked', 'Blocked', 'User', ['employeeType: disabled']),
    person('wild', 'Wild', 'Card', ['departmentNumber: *']),
    group('lab-a', ['jsmith', 'jdoe']),
    group('lab-b', ['jsmith']),
    group('system', ['jdoe']),
  ].join('\n\n') + '\n';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`slapd exited with ${child.exitCode}: ${output()}`);
    if (await answers(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slapd did not listen on port ${port}: ${output()}`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Stops a child we started: SIGTERM, then SIGKILL after 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
