import { Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { err, out, type CliIO } from '../cli-io.js';
import type { StartOptions } from '../admin/server-control.js';

const ADMIN_HELP = `Start, stop and inspect the omero-shell server of this user directory ($OMERO_USERDIR).

The server owns the database (the embedded one under $OMERO_USERDIR/db, or OMERO_DB_URL) and
serves every omero command, shell and program that connects to it. Without a server, the first
command of this user directory starts one in the background (it stops after some idle minutes).
Clients reach a started server with -s HOST -p PORT.`;

interface StartFlags extends StartOptions {
  readonly foreground?: boolean;
  readonly logFile?: string;
}

/** `omero admin start | stop | restart | status` (OMERO's command names), for this user directory's server. */
export function adminCommand(io: CliIO): Command {
  const admin = new Command('admin').description('Server administration: start, stop, restart, status').addHelpText('before', ADMIN_HELP + '\n');

  const start = withStartOptions(new Command('start').description('Start the server (in the background unless --foreground)'));
  start.action(async (o: StartFlags) => {
    await startServer(o, io);
  });
  admin.addCommand(start);

  admin
    .command('stop')
    .description('Stop the server of this user directory')
    .action(async () => {
      const { stopServer } = await import('../admin/server-control.js');
      const stopped = stopServer(io.env);
      out(io, stopped ? `omero-shell server stopped (pid ${stopped.pid}, ${stopped.host}:${stopped.port})` : 'No omero-shell server is running for this user directory');
    });

  const restart = withStartOptions(new Command('restart').description('Stop the server, then start it again'));
  restart.action(async (o: StartFlags) => {
    // Refuse bad options before stopping anything: a refused restart leaves the server running.
    await checkStartOptions({ ...o, foreground: false });
    const { stopServer } = await import('../admin/server-control.js');
    stopServer(io.env);
    await startServer({ ...o, foreground: false }, io);
  });
  admin.addCommand(restart);

  admin
    .command('status')
    .description('Show the server of this user directory; rc 1 when none runs')
    .action(async () => {
      const { readServerState } = await import('../../env/server-record.js');
      const state = readServerState(io.env);
      if (!state) throw new CliError(1, 'No omero-shell server is running for this user directory');
      const { pingServer } = await import('../admin/ping-server.js');
      const answer = pingServer(state);
      out(io, `omero-shell server ${state.version}, pid ${state.pid}, listening on ${state.host}:${state.port}${state.tls ? ' (TLS)' : ''}`);
      out(io, `  database: ${state.database}`);
      out(io, `  started:  ${state.started}${state.auto ? ' (auto-started: stops when idle)' : ''}`);
      out(io, `  answers:  ${answer}`);
      if (answer !== 'yes') throw new CliError(1, '');
    });
  return admin;
}

function withStartOptions(cmd: Command): Command {
  return cmd
    .option('--foreground', 'run attached to this terminal (for containers and service managers); logs to stderr')
    .option('--host <HOST>', 'address to listen on', '127.0.0.1')
    .option('--port <PORT>', 'port to listen on (0: a free one)', '4064')
    .option('--tls-cert <FILE>', 'PEM certificate: clients connect with TLS')
    .option('--tls-key <FILE>', 'PEM private key of the certificate')
    .option('--insecure-plaintext', 'allow a non-loopback address without TLS (passwords cross the network in clear)')
    .addOption(new Option('--idle-minutes <N>', 'stop after N minutes without a connection (auto-started servers)').hideHelp())
    .addOption(new Option('--auto', 'started by a command for its user directory').hideHelp())
    .addOption(new Option('--log-file <FILE>', 'where a background server logs').hideHelp())
    .addOption(new Option('--max-connections <N>', 'most client connections at once (default 512)').hideHelp())
    .addOption(new Option('--port-fallback', 'listen on a free port when --port is taken').hideHelp());
}

async function startServer(o: StartFlags, io: CliIO): Promise<void> {
  await checkStartOptions(o);
  await startChecked(o, io);
}

/** The start options' own checks, before anything is stopped or started. */
async function checkStartOptions(o: StartFlags): Promise<void> {
  if (!/^\d{1,5}$/.test(o.port) || Number(o.port) > 65535) throw new CliError(2, `argument --port: invalid port: '${o.port}'`);
  if (o.idleMinutes !== undefined && !/^\d+(\.\d+)?$/.test(o.idleMinutes)) throw new CliError(2, `argument --idle-minutes: invalid number: '${o.idleMinutes}'`);
  if (o.logFile !== undefined && !o.foreground) {
    throw new CliError(2, 'argument --log-file: only with --foreground (a background server logs to $OMERO_USERDIR/log/server.log)');
  }
  if (o.maxConnections !== undefined && !/^[1-9]\d*$/.test(o.maxConnections)) throw new CliError(2, `argument --max-connections: invalid number: '${o.maxConnections}'`);
  if (Boolean(o.tlsCert) !== Boolean(o.tlsKey)) throw new CliError(2, '--tls-cert and --tls-key go together');
  const { isLoopback, plaintextRefusal } = await import('../../server/net/net-server.js');
  if (!o.tlsCert && !isLoopback(o.host) && !o.insecurePlaintext) throw new CliError(1, plaintextRefusal(o.host));
}

async function startChecked(o: StartFlags, io: CliIO): Promise<void> {
  const { readServerState } = await import('../../env/server-record.js');
  const running = readServerState(io.env);
  if (running) {
    throw new CliError(1, `An omero-shell server is already running for this user directory (pid ${running.pid}, ${running.host}:${running.port}); \`omero admin stop\` first`);
  }
  if (!o.foreground) {
    const { startInBackground } = await import('../admin/server-control.js');
    const state = startInBackground(o, io.env);
    out(io, `omero-shell server started: pid ${state.pid}, listening on ${state.host}:${state.port}${state.tls ? ' (TLS)' : ''}, ${state.database}`);
    return;
  }
  const { runServer } = await import('../../server/net/run-server.js');
  let server;
  try {
    server = await runServer({
      host: o.host,
      port: Number(o.port),
      portFallback: o.portFallback,
      tlsCertFile: o.tlsCert,
      tlsKeyFile: o.tlsKey,
      insecure: o.insecurePlaintext,
      auto: o.auto,
      idleMinutes: o.idleMinutes === undefined ? undefined : Number(o.idleMinutes),
      maxConnections: o.maxConnections === undefined ? undefined : Number(o.maxConnections),
      logFile: o.logFile,
      env: io.env,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(1, `Cannot listen on ${o.host}:${o.port}: the address is in use`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(1, `Cannot listen on ${o.host}:${o.port}: no such local address`);
    throw new CliError(1, `The server did not start: ${(e as Error).message}`);
  }
  const s = server.state;
  err(io, `omero-shell server ${s.version} listening on ${s.host}:${s.port}${s.tls ? ' (TLS)' : ''}, ${s.database} (pid ${s.pid}); Ctrl-C stops it`);
  await server.stopped;
}
