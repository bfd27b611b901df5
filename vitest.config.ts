import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit files share a process per worker (no fresh module graph per file: about 1 s saved per file); every
// test opens its own uniquely named database and cleans up its listeners, so nothing carries between files.
// Forks, not threads: several tests switch TZ inside the test, which a worker thread does not take in.
// A property test is pure CPU: beside the build and the browser tests it may take several times as long as alone.
const fast = { pool: 'forks', isolate: false, maxWorkers: 4, testTimeout: 30_000 } as const;

export default defineConfig({
  test: {
    projects: [
      // The unit suite twice, in far-apart zones (UTC+14, and UTC-10 or UTC-9 in summer), so no test leans on
      // the machine's own zone; `--project unit` runs both.
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit-kiritimati',
          env: { TZ: 'Pacific/Kiritimati', TEND_ZONE_RUN: '0' },
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**'],
          setupFiles: ['tests/setup-idb.ts', 'tests/setup-each.ts'],
          environment: 'node',
          ...fast,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit-adak',
          env: { TZ: 'America/Adak', TEND_ZONE_RUN: '1' },
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**'],
          setupFiles: ['tests/setup-idb.ts', 'tests/setup-each.ts'],
          environment: 'node',
          ...fast,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A browser beside other work answers in seconds what takes milliseconds alone: polls wait up to 10 s.
          expect: { poll: { timeout: 10_000, interval: 50 } },
          // One module graph per worker: playwright-core and puppeteer-core load once, not once per file. Every
          // file launches its own browsers on their own profiles, so nothing else carries between files.
          isolate: false,
          // Three files at a time: each has its own profiles and proxy, and a browser test spends most of its
          // time waiting for the browser (measured alone: 2 at a time ~310 s, 3 at a time 269 s, 1 core busy).
          fileParallelism: true,
          maxWorkers: 3,
        },
      },
    ],
  },
});
