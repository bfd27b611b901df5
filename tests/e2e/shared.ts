/** What both browser harnesses share: a refusing proxy that counts outside requests, temporary profiles, the library's texts. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A proxy on 127.0.0.1 that refuses every request. `seen` holds the first line of each request
 * (e.g. "CONNECT example.com:443 HTTP/1.1"); `connections` counts every TCP connection, including
 * the idle ones Chromium opens ahead of time (preconnects) that never carry a byte. Idle sockets
 * are kept open until the proxy stops, so a request sent on one later is still seen.
 */
export class RefusingProxy {
  readonly seen: string[] = [];
  connections = 0;
  port = 0;
  private server: Server | null = null;
  private readonly open = new Set<Socket>();

  async start(): Promise<void> {
    this.server = createServer((socket: Socket) => {
      this.connections += 1;
      this.open.add(socket);
      socket.once('data', (data) => {
        this.seen.push(data.toString('latin1').split('\r\n')[0] ?? '?');
        socket.destroy();
      });
      socket.on('close', () => this.open.delete(socket));
      socket.on('error', () => {});
    });
    await new Promise<void>((ok) => this.server?.listen(0, '127.0.0.1', ok));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server = null;
  }
}

/**
 * How a test's wait asks the browser again: after 50 ms, then twice as long each time, up to every 400 ms. Every
 * ask is work for the browser and the test (vitest.config.ts gives expect.poll the same 400 ms, and what it measured).
 */
export const FIRST_PAUSE_MS = 50;
export const nextPause = (pause: number): number => Math.min(pause * 2, 400);

export function tempProfile(prefix = 'tend-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every text in one of the library's source files (ideas or nudge lines, in one language). */
export function libraryTexts(file: string): Set<string> {
  return new Set((JSON.parse(readFileSync(`assets/library/${file}`, 'utf8')) as { text: string }[]).map((i) => i.text));
}

/**
 * Run inside an extension page: marks the welcome as finished (as "Start Tend" does) unless it already
 * is, and tells the background, which plans the first nudge. Tests of the welcome itself skip this.
 * Sent as source text, so it works in both browsers' page contexts.
 */
export const FINISH_SETUP_SOURCE = `(async () => {
  // Wait until Tend itself has made its database, so this never creates an empty one first.
  for (let i = 0; i < 100; i++) {
    const found = (await indexedDB.databases()).find((d) => d.name === 'tend');
    if (found && found.version >= 3) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open('tend');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const tx = db.transaction('state', 'readwrite');
  const store = tx.objectStore('state');
  const existing = await new Promise((ok) => { const r = store.get('setup'); r.onsuccess = () => ok(r.result); });
  const finished = existing && typeof existing.finishedAt === 'number';
  if (!finished) store.put({ finishedAt: Date.now() }, 'setup');
  await new Promise((ok) => (tx.oncomplete = ok));
  db.close();
  if (!finished) new BroadcastChannel('tend:tend').postMessage('setup');
  return !finished;
})()`;
