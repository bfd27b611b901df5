/** What both browser harnesses share: a refusing proxy that counts outside requests, and temporary profiles. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A proxy on 127.0.0.1 that closes every connection at once, remembering each one's first line. */
export class RefusingProxy {
  readonly seen: string[] = [];
  connections = 0;
  port = 0;
  private server: Server | null = null;

  async start(): Promise<void> {
    this.server = createServer((socket: Socket) => {
      this.connections += 1;
      const index = this.seen.push('(no data)') - 1;
      socket.once('data', (data) => {
        this.seen[index] = data.toString('latin1').split('\r\n')[0] ?? '?';
        socket.destroy();
      });
      socket.on('error', () => {});
      setTimeout(() => socket.destroy(), 1000).unref();
    });
    await new Promise<void>((ok) => this.server?.listen(0, '127.0.0.1', ok));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server = null;
  }
}

export function tempProfile(prefix = 'tend-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
