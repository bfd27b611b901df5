// An IndexedDB in memory for every unit test (a file of our own, so it resolves the same from any checkout).
import 'fake-indexeddb/auto';

/**
 * IndexedDB work under way: transactions not yet complete or aborted, and opens or deletions of a database not
 * yet answered; and WebCrypto work not yet answered (sealing and opening a code), which a loaded machine can
 * take long over. Component tests wait until there is none (`settle` in tests/render.tsx) instead of pausing for a
 * fixed time that a busy machine may not keep. Work that never ends (a database deleted under a transaction may
 * end it without an event) counts for 3 s at most, and nothing carries into the next test (tests/setup-each.ts).
 */
interface IdbWatch {
  busy(): number;
  forget(): void;
}
const g = globalThis as { tendIdb?: IdbWatch };
// Setup files run again for every file while modules are shared: the methods are wrapped once.
g.tendIdb ??= watchIndexedDb();

function watchIndexedDb(): IdbWatch {
  const STUCK_MS = 3000;
  const open = new Map<EventTarget, number>();
  const track = (target: EventTarget, events: string[]) => {
    open.set(target, Date.now());
    for (const event of events) target.addEventListener(event, () => open.delete(target));
  };

  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = transaction.apply(this, args);
    track(tx, ['complete', 'abort']);
    return tx;
  } as IDBDatabase['transaction'];

  const openDb = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    const request = openDb.apply(this, args);
    track(request, ['success', 'error', 'blocked']);
    return request;
  } as IDBFactory['open'];

  const deleteDatabase = IDBFactory.prototype.deleteDatabase;
  IDBFactory.prototype.deleteDatabase = function (this: IDBFactory, name: string) {
    const request = deleteDatabase.call(this, name);
    track(request, ['success', 'error', 'blocked']);
    return request;
  };

  // WebCrypto's answers are promises: each counts until it settles.
  const subtle = Object.getPrototypeOf(crypto.subtle) as Record<string, unknown>;
  for (const name of ['encrypt', 'decrypt', 'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'digest', 'sign', 'verify']) {
    const method = subtle[name];
    if (typeof method !== 'function') continue;
    subtle[name] = function (this: SubtleCrypto, ...args: unknown[]) {
      const answer = (method as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      const token = new EventTarget();
      open.set(token, Date.now());
      void answer.finally(() => open.delete(token)).catch(() => undefined);
      return answer;
    };
  }

  return {
    busy() {
      const now = Date.now();
      let count = 0;
      for (const [target, since] of open) {
        if (now - since > STUCK_MS) open.delete(target);
        else count += 1;
      }
      return count;
    },
    forget: () => open.clear(),
  };
}
