'use strict';
// The floor under `omero user list` (the startup section of `npm run bench`): what it asks of the
// user directory's server — the greeting, the join of the stored session, then the users and the
// security roles in one round trip — from a Node script with no omero code in it: node:net, the
// stream protocol's framing written out here (src/contract/stream-frames.ts is what it mirrors),
// the replies parsed and counted. What `omero user list` takes beyond this is omero's own: its
// code read and run, the command line, the session store, the model and the table.
// CommonJS, so that Node starts no ES module loader for it either.
const { readFileSync } = require('node:fs');
const { connect } = require('node:net');
const { join } = require('node:path');

const PREAMBLE = Buffer.from('\0omero-shell stream\n', 'latin1');

const userDir = process.env.OMERO_USERDIR;
if (!userDir) fail('OMERO_USERDIR is not set');
const server = JSON.parse(readFileSync(join(userDir, 'server', 'server.json'), 'utf8'));
if (server.tls) fail('the server speaks TLS: this client speaks only the plain stream protocol');
const key = storedSessionKey(process.env.OMERO_SESSIONDIR || join(userDir, 'sessions'));
const version = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;

const socket = connect({ host: server.host === '0.0.0.0' ? '127.0.0.1' : server.host, port: server.port, noDelay: true });
socket.on('error', (e) => fail(e.message));
socket.write(Buffer.concat([PREAMBLE, frame({ hello: { product: 'omero-shell', protocol: 1, version } })]));

const waiting = new Map();
let greeted = null;
const greeting = new Promise((resolve) => (greeted = resolve));
let pending = Buffer.alloc(0);
socket.on('data', (chunk) => {
  pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
  while (pending.length >= 4) {
    const length = pending.readUInt32BE(0);
    if (pending.length < 4 + length) break;
    const message = JSON.parse(pending.toString('utf8', 4, 4 + length));
    pending = pending.subarray(4 + length);
    if (greeted) {
      if (message.hello?.product !== 'omero-shell') fail('not an omero-shell server');
      greeted();
      greeted = null;
    } else waiting.get(message.id)?.(message.reply);
  }
});

void main();

async function main() {
  await greeting;
  const joined = await request(1, { op: 'join', key });
  const [users, roles] = await Promise.all([invoke(2, 'lookupExperimenters'), invoke(3, 'getSecurityRoles')]);
  process.stdout.write(`${users.length} users, joined as ${joined.userName}; ${roles.$c}\n`);
  socket.destroy();
}

function invoke(id, method) {
  return request(id, { op: 'invoke', key, service: 'IAdmin', method, args: [], ctx: {} });
}

/** Sends one request and resolves with its reply's value; a failed reply ends the process. */
function request(id, req) {
  return new Promise((resolve) => {
    waiting.set(id, (reply) => (reply.ok ? resolve(reply.value) : fail(`${req.op} ${req.method ?? ''} failed: ${JSON.stringify(reply.error).slice(0, 200)}`)));
    socket.write(frame({ id, request: req }));
  });
}

function frame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const out = Buffer.allocUnsafe(4 + body.length);
  out.writeUInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
}

/** The current session's key, as `omero login` stored it in files (the bench runs without a keyring). */
function storedSessionKey(dir) {
  const read = (...parts) => readFileSync(join(dir, ...parts), 'utf8').trim();
  const host = read('._LASTHOST_');
  const user = read(host, '._LASTUSER_');
  const uuid = read(host, user, '._LASTSESS_');
  if (!/^[0-9a-f-]{36}$/.test(uuid)) fail(`no stored session key under ${dir}`);
  return uuid;
}

function fail(why) {
  process.stderr.write(`bare-client: ${why}\n`);
  process.exit(1);
}
