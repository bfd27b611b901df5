// Runs in every unit test file (a setup file runs again for each file, also where files share modules).
import { afterEach } from 'vitest';
import { unmountAll } from './render';

afterEach(async () => {
  await unmountAll();
  // IndexedDB work a test left behind (a database it deleted mid-transaction) is not the next test's to wait for.
  (globalThis as { tendIdb?: { forget(): void } }).tendIdb?.forget();
  // A page address a test set (#checkin asks for the card) is not the next file's: files share a worker.
  if (typeof location !== 'undefined' && location.hash) history.replaceState(history.state, '', location.pathname + location.search);
});
