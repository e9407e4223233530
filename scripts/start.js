#!/usr/bin/env node
// `npm start`: build the web app into dist/ and serve it, printing the addresses.
// PORT (default 4173, or any free port if taken) and HOST (default 127.0.0.1; use
// 0.0.0.0 to let a workshop's devices connect) choose where. dist/ also works as plain
// static files from any web server or folder.
//
// `npm start -- --https` (or HTTPS=1) serves a workshop room: over https with a local
// self-signed certificate (made in .room-cert/, git-ignored; CERT_DIR chooses another
// folder), on every network address (HOST defaults to 0.0.0.0), printing the room's
// addresses and a QR code of the first. Browsers allow offline use and the clipboard only
// on localhost or https, so a plain-http LAN address has neither.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { renderUnicodeCompact } from 'uqr';
import { serveStatic } from './static-server.js';
import { lanAddresses, roomCertificate } from './room-cert.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--https');
if (unknown.length) {
  console.error(`chengyu-sim: unknown option ${unknown[0]}; allowed: --https`);
  process.exit(2);
}
const https = args.includes('--https') || process.env.HTTPS === '1';
const host = process.env.HOST ?? (https ? '0.0.0.0' : '127.0.0.1');
const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`chengyu-sim: PORT ${JSON.stringify(process.env.PORT)} is not a port number; allowed: an integer in [0, 65535]`);
  process.exit(2);
}

try {
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
} catch (err) {
  console.error(`chengyu-sim: the web app did not build: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

let tls;
if (https) {
  const dir = resolve(process.env.CERT_DIR ?? join(root, '.room-cert'));
  try {
    const made = await roomCertificate(dir);
    tls = { key: made.key, cert: made.cert };
    console.log(`chengyu-sim: ${made.made ? 'made a new' : 'using the'} self-signed certificate ${made.file}`);
  } catch (err) {
    console.error(`chengyu-sim: could not make a certificate in ${dir}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

let served;
try {
  served = await serveStatic(join(root, 'dist'), { host, port, tls });
} catch (err) {
  if (err && err.code === 'EADDRINUSE') served = await serveStatic(join(root, 'dist'), { host, port: 0, tls });
  else throw err;
}
const scheme = https ? 'https' : 'http';
const everywhere = host === '0.0.0.0' || host === '::';
const local = `${scheme}://${everywhere ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${served.port}/`;
console.log(`chengyu-sim web app: ${local}  (Ctrl+C to stop)`);
if (everywhere) {
  const room = lanAddresses()
    .filter((a) => host === '::' || a.family === 'IPv4')
    .map((a) => `${scheme}://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${served.port}/`);
  if (room.length === 0) console.log('No network address found: only this computer can open the app.');
  for (const url of room) console.log(`On the room's network: ${url}`);
  if (https && room.length) {
    console.log("Devices will warn about the self-signed certificate: choose to continue (the clipboard then works). Offline use on a device needs the certificate installed and trusted there.");
    console.log(renderUnicodeCompact(room[0], { border: 2 }));
  }
  if (!https) console.log('Plain http on a network address: no offline use and no clipboard there (browsers allow them only on localhost or https). Use npm start -- --https for a room.');
}
