import type { Command } from 'commander';
import type { CliIO } from './cli-io.js';
import { loginArgs } from './login-options.js';
import { traceMark } from '../startup/startup-trace.js';
import { connect, type Connection } from './login/connect.js';

/**
 * Runs a command body with a connection made from the login arguments of every level
 * (`ctx.conn(args)` in OMERO). The stored session stays alive for the next command.
 */
export async function withConnection<T>(cmd: Command, io: CliIO, body: (c: Connection) => Promise<T> | T): Promise<T> {
  traceMark('logging in');
  const connection = await connect(loginArgs(cmd), io);
  traceMark('logged in');
  try {
    return await body(connection);
  } finally {
    await connection.client.closeSession();
  }
}
