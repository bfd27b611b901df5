// Runs in every unit test file (a setup file runs again for each file, also where files share modules).
import fc from 'fast-check';
import { afterEach } from 'vitest';
import { unmountAll } from './render';

// A property that fails says so with the first counterexample it found (seed and path printed to replay it),
// and does not shrink: shrinking a slow property (a whole code's every one-character change, a model run) can
// take far longer than the test's timeout, and goes on in the background after the test has timed out.
fc.configureGlobal({ endOnFailure: true });

afterEach(async () => {
  await unmountAll();
  // IndexedDB work a test left behind (a database it deleted mid-transaction) is not the next test's to wait for.
  (globalThis as { tendIdb?: { forget(): void } }).tendIdb?.forget();
  // A page address a test set (#checkin asks for the card) is not the next file's: files share a worker.
  if (typeof location !== 'undefined' && location.hash) history.replaceState(history.state, '', location.pathname + location.search);
});
