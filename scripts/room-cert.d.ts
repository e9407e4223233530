// Types of scripts/room-cert.js for the TypeScript tests.

/** A network address of this computer. */
export interface LanAddress {
  address: string;
  family: 'IPv4' | 'IPv6';
}

/** The IPv4 and IPv6 addresses of this computer's network interfaces, loopback and link-local excluded. */
export function lanAddresses(): LanAddress[];

/** The room's certificate and key in `dir` (PEM), made when absent, expiring or not covering the current addresses. */
export function roomCertificate(dir: string): Promise<{ key: string; cert: string; file: string; made: boolean }>;
