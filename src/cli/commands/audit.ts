import { Command } from 'commander';
import { SecurityViolation } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { out, type CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { renderTable } from '../output/index.js';
import { addStyleArgument, type StyleOption } from '../usergroup/index.js';

interface AuditOptions extends StyleOption {
  since?: string;
  user?: string;
  limit?: string;
}

const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `--since`: a duration back from now (`30m`, `12h`, `7d`, `2w`) or a date/time
 * (`2026-12-01`, `2026-12-01T08:00`); the time in ms since the epoch.
 */
export function parseSince(text: string, now = Date.now()): number {
  const relative = /^(\d+)\s*([smhdw])$/i.exec(text.trim());
  if (relative) return now - Number(relative[1]) * UNITS[relative[2]!.toLowerCase()]!;
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new CliError(2, `Invalid --since: ${text} (a duration such as 30m, 12h, 7d, or a date such as 2026-12-01)`);
  return at;
}

/** A before/after value as one table cell. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * `omero [login args] audit [--since WHEN] [--user LOGIN] [--limit N] [--style …]` (issue 11): the log of
 * administrative changes — users, groups, memberships, owners, permissions, privileges, passwords
 * (never the password itself), sudo logins — and of refused attempts, oldest first. Full
 * administrators only.
 */
export function auditCommand(io: CliIO): Command {
  const cmd = new Command('audit')
    .description('Show the audit log of administrative changes and refused attempts (full administrators only)')
    .option('--since <WHEN>', 'only entries since a duration ago (30m, 12h, 7d, 2w) or a date/time (2026-12-01T08:00)')
    .option('--user <LOGIN>', 'only entries where this user acted, was changed, or sudoed')
    .option('--limit <N>', 'at most this many entries, the newest (default 1000)')
    .addHelpText('after', '\nColumns: when (UTC), who (and "as" whom through sudo), from where, what, on whom, before, after, outcome.');
  addStyleArgument(cmd);
  // No login options on this level: `--user` filters the log here; log in with the top-level
  // arguments (`omero -u root audit --user user-2`).
  cmd.action(async (opts: AuditOptions) => {
    const since = opts.since === undefined ? null : parseSince(opts.since);
    if (opts.limit !== undefined && !/^\d+$/.test(opts.limit)) throw new CliError(2, `Invalid --limit: ${opts.limit}`);
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      // The server decides (and audits the refusal); rc 111 as for the other admin-only commands.
      let records;
      try {
        records = await admin.getAuditLog({ since, user: opts.user ?? null, limit: opts.limit === undefined ? null : Number(opts.limit) });
      } catch (e) {
        if (e instanceof SecurityViolation) throw new CliError(111, `SecurityViolation: ${e.message}`);
        throw e;
      }
      const rows = records.map((r) => [
        new Date(r.at).toISOString().replace('T', ' ').slice(0, 19),
        r.sudoer ? `${r.sudoer} as ${r.actor}` : r.actor,
        r.address ?? '',
        r.action,
        r.target ?? '',
        cell(r.before),
        cell(r.after),
        r.outcome,
        r.message ?? '',
      ]);
      out(io, renderTable({ headers: ['when', 'who', 'from', 'action', 'target', 'before', 'after', 'outcome', 'message'], rows }, opts.style));
    });
  });
  return cmd;
}
