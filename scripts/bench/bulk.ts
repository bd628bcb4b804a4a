import { OmeroClient } from '../../src/client/omero-client.js';
import { WorkerTransport } from '../../src/client/transport/worker-transport.js';
import { ExperimenterGroupI, ExperimenterI, PermissionsI, rbool, rstring } from '../../src/model/index.js';
import { hashPassword } from '../../src/server/auth/password-hash.js';
import { mustRun } from './processes.js';
import { openBenchEnvironment, OMERO_BIN, ROOT_PASSWORD, type EngineName } from './engines.js';
import { median, ratio, round } from './stats.js';

export interface BulkVariant {
  readonly label: string;
  /** Users actually created this way. */
  readonly measured: number;
  readonly measuredSeconds: number;
  readonly msPerUser: number;
  /** Seconds for `target` users: measured when measured = target, else extrapolated linearly. */
  readonly secondsForTarget: number;
  readonly extrapolated: boolean;
  /** Per-user cost over the API-with-password per-user cost. */
  readonly ratio: number;
}

export interface BulkResult {
  readonly engine: EngineName;
  readonly target: number;
  /** One scrypt password hash (the KDF every password-creating path pays once per user). */
  readonly hashMs: number;
  readonly variants: readonly BulkVariant[];
}

/**
 * Bulk (issue 6 §4): creating users through the API in one process (one blocking call per user,
 * as a script would) against one `omero user add` process per user. Every password costs one
 * memory-hard hash (~0.1–0.2 s by design), so the API is measured both without a password
 * (`createExperimenter`: all `target` users) and with one (`createExperimenterWithPassword`, as
 * `omero user add` does: a sample, extrapolated); the CLI is measured on `processes` runs and
 * extrapolated.
 */
export async function benchBulk(
  engine: EngineName,
  o: { target: number; users: number; passwordUsers: number; processes: number; pgUrl: string; log: (s: string) => void },
): Promise<BulkResult> {
  const env = await openBenchEnvironment(engine, o.pgUrl, 'bulk');
  let transport: WorkerTransport | null = null;
  try {
    const hashes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await hashPassword(`password-${i}`);
      hashes.push(performance.now() - t);
    }
    transport = new WorkerTransport(env.config);
    const client = new OmeroClient('localhost', transport);
    client.createSession('root', ROOT_PASSWORD);
    const admin = client.getSession().getAdminService();
    const group = new ExperimenterGroupI();
    group.name = rstring('bulk-g');
    group.details.permissions = new PermissionsI('rwr---');
    const gid = admin.createGroup(group);
    const userGroup = admin.getSecurityRoles().userGroupId;
    const groups = () => [new ExperimenterGroupI(gid, false), [new ExperimenterGroupI(userGroup, false)]] as const;
    const experimenter = (name: string) => {
      const e = new ExperimenterI();
      e.omeName = rstring(name);
      e.firstName = rstring('Bulk');
      e.lastName = rstring('User');
      e.ldap = rbool(false);
      return e;
    };
    // API without a password: every user.
    let t0 = performance.now();
    for (let i = 1; i <= o.users; i++) {
      const [def, others] = groups();
      admin.createExperimenter(experimenter(`bulk-api-${i}`), def, [...others]);
      if (i % 2000 === 0) o.log(`  ${i} users through the API`);
    }
    const apiSeconds = (performance.now() - t0) / 1000;
    // API with a password (what `omero user add` does): a sample.
    t0 = performance.now();
    for (let i = 1; i <= o.passwordUsers; i++) {
      const [def, others] = groups();
      admin.createExperimenterWithPassword(experimenter(`bulk-apipw-${i}`), rstring(`pw-${i}`), def, [...others]);
    }
    const apiPwSeconds = (performance.now() - t0) / 1000;
    client.closeSession();
    transport.close();
    transport = null;
    // One process per user, with a stored root session (as a shell loop would run it).
    await mustRun(process.execPath, [OMERO_BIN, 'login', '-s', 'localhost', '-u', 'root'], { ...env.env, OMERO_PASSWORD: ROOT_PASSWORD });
    t0 = performance.now();
    for (let i = 1; i <= o.processes; i++) {
      await mustRun(process.execPath, [OMERO_BIN, '-q', 'user', 'add', `bulk-cli-${i}`, 'Bulk', 'User', 'bulk-g', '--userpassword-stdin'], env.env, `pw-${i}\n`);
      if (i % 25 === 0) o.log(`  ${i} omero user add processes`);
    }
    const cliSeconds = (performance.now() - t0) / 1000;
    const perUser = (seconds: number, n: number) => (seconds * 1000) / n;
    const apiPwPerUser = perUser(apiPwSeconds, o.passwordUsers);
    const variant = (label: string, n: number, seconds: number): BulkVariant => ({
      label,
      measured: n,
      measuredSeconds: round(seconds),
      msPerUser: round(perUser(seconds, n)),
      secondsForTarget: round((perUser(seconds, n) * o.target) / 1000),
      extrapolated: n !== o.target,
      ratio: ratio(perUser(seconds, n), apiPwPerUser),
    });
    return {
      engine,
      target: o.target,
      hashMs: round(median(hashes)),
      variants: [
        variant('API in one process: createExperimenter (no password)', o.users, apiSeconds),
        variant('API in one process: createExperimenterWithPassword', o.passwordUsers, apiPwSeconds),
        variant('one `omero user add` process per user (with password)', o.processes, cliSeconds),
      ],
    };
  } finally {
    transport?.close();
    await env.close();
  }
}
