import type { Command } from 'commander';
import type { CliIO } from './cli-io.js';
import { loginArgs } from './login-options.js';
import { connect, type Connection } from './login/connect.js';

/**
 * Runs a command body with a connection made from the login arguments of every level
 * (`ctx.conn(args)` in OMERO). The stored session stays alive for the next command.
 */
export async function withConnection<T>(cmd: Command, io: CliIO, body: (c: Connection) => Promise<T> | T): Promise<T> {
  const connection = await connect(loginArgs(cmd), io);
  try {
    return await body(connection);
  } finally {
    connection.client.closeSession();
  }
}
