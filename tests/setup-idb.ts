// An IndexedDB in memory for every unit test (a file of our own, so it resolves the same from any checkout).
import 'fake-indexeddb/auto';

/**
 * How much IndexedDB work is under way: transactions not yet complete or aborted, and opens or deletions of
 * a database not yet answered. Component tests wait for it to reach 0 (`settle` in tests/render.tsx) instead
 * of pausing for a fixed time that a busy machine may not keep.
 */
const g = globalThis as { tendIdbBusy?: () => number };
// Setup files run again for every file while modules are shared: the methods are wrapped once.
if (!g.tendIdbBusy) watchIndexedDb();

function watchIndexedDb(): void {
  let busy = 0;
  const ended = (target: EventTarget, events: string[]) => {
    busy += 1;
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      busy -= 1;
    };
    for (const event of events) target.addEventListener(event, end);
  };

  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = transaction.apply(this, args);
    ended(tx, ['complete', 'abort']);
    return tx;
  } as IDBDatabase['transaction'];

  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    const request = open.apply(this, args);
    ended(request, ['success', 'error', 'blocked']);
    return request;
  } as IDBFactory['open'];

  const deleteDatabase = IDBFactory.prototype.deleteDatabase;
  IDBFactory.prototype.deleteDatabase = function (this: IDBFactory, name: string) {
    const request = deleteDatabase.call(this, name);
    ended(request, ['success', 'error', 'blocked']);
    return request;
  };

  g.tendIdbBusy = () => busy;
}
