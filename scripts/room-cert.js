// A local TLS certificate for serving a workshop room over https (`npm start -- --https`):
// self-signed, made with the `selfsigned` package, for localhost and every address of this
// computer, kept in a git-ignored folder and made anew when it expires or the addresses change.
import { generate } from 'selfsigned';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';

/** The IPv4 and IPv6 addresses of this computer's network interfaces, loopback excluded. */
export function lanAddresses() {
  const out = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal) continue;
      // Link-local IPv6 (fe80::) needs a zone id in a URL: no use to a phone's browser.
      if (a.family === 'IPv6' && a.address.startsWith('fe80')) continue;
      out.push({ address: a.address, family: a.family });
    }
  }
  return out;
}

/** Names and addresses the certificate is for. */
function subjects() {
  const ips = ['127.0.0.1', '::1', ...lanAddresses().map((a) => a.address)];
  const names = ['localhost', hostname()].filter((n, i, all) => n && all.indexOf(n) === i);
  return { names, ips };
}

/**
 * The certificate and key in `dir` (PEM), generated when absent, expired within a day,
 * or not covering this computer's current addresses. Resolves to `{ key, cert, file, made }`.
 */
export async function roomCertificate(dir) {
  const { names, ips } = subjects();
  const want = JSON.stringify({ names, ips });
  const keyFile = join(dir, 'room-key.pem');
  const certFile = join(dir, 'room-cert.pem');
  const metaFile = join(dir, 'room-cert.json');
  if (existsSync(keyFile) && existsSync(certFile) && existsSync(metaFile)) {
    try {
      const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
      if (meta.subjects === want && Date.parse(meta.notAfter) - Date.now() > 86_400_000) {
        return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), file: certFile, made: false };
      }
    } catch {
      // Unreadable: make a new one below.
    }
  }
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + 90 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: 'chengyu-sim workshop room' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...names.map((value) => ({ type: 2, value })), ...ips.map((ip) => ({ type: 7, ip }))] },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  writeFileSync(certFile, pems.cert);
  writeFileSync(metaFile, `${JSON.stringify({ subjects: want, notAfter: notAfter.toISOString(), fingerprint: pems.fingerprint }, null, 2)}\n`);
  return { key: pems.private, cert: pems.cert, file: certFile, made: true };
}
