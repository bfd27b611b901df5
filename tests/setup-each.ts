// Runs in every unit test file (a setup file runs again for each file, also where files share modules).
import { afterEach } from 'vitest';
import { unmountAll } from './render';

afterEach(async () => {
  await unmountAll();
  // IndexedDB work a test left behind (a database it deleted mid-transaction) is not the next test's to wait for.
  (globalThis as { tendIdb?: { forget(): void } }).tendIdb?.forget();
});
