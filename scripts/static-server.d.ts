// Types of scripts/static-server.js for the TypeScript tests and benches.
import type { Server } from 'node:http';

/** A running static server. */
export interface StaticServer {
  server: Server;
  /** Base address, ending with "/". */
  url: string;
  /** The port it listens on. */
  port: number;
  close(): Promise<void>;
}

/** Serve `root` on `host:port` (port 0 = any free port); `tls` (PEM key and certificate) serves https. */
export function serveStatic(root: string, opts?: { host?: string; port?: number; tls?: { key: string; cert: string } }): Promise<StaticServer>;
