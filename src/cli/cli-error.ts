/**
 * A command's failure with OMERO's logical return code (reference cli §10) and the message OMERO
 * prints on stderr. Thrown anywhere; caught once in `main`.
 */
export class CliError extends Error {
  readonly rc: number;

  constructor(rc: number, message: string) {
    super(message);
    this.name = 'CliError';
    this.rc = rc;
  }
}

/**
 * The process status for a logical rc: `rc % 256` as OMERO's, except that an error never exits 0
 * (OMERO's 512 and 768 would truncate to success).
 */
export function exitStatus(rc: number): number {
  if (rc === 0) return 0;
  const s = rc % 256;
  return s === 0 ? 1 : s;
}
