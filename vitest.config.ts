import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit files share a process per worker (no fresh module graph per file: about 1 s saved per file); every
// test opens its own uniquely named database and cleans up its listeners, so nothing carries between files.
// Forks, not threads: several tests switch TZ inside the test, which a worker thread does not take in.
// A property test is pure CPU: beside the build and the browser tests it may take several times as long as alone.
// Four workers alone (`npm run test:unit`: measured 93 s, 128 CPU-s); `npm test` runs two beside the browser tests,
// because two do less work (alone: 124 s, 106 CPU-s) and the cores are shared with the browsers.
const fast = { pool: 'forks', isolate: false, maxWorkers: Number(process.env.TEND_UNIT_WORKERS) || 4, testTimeout: 30_000 } as const;

/**
 * Vitest's order (project by project, longest file first), with a project's files of one environment together: a
 * worker that shares its modules between files is kept only while the next file has its environment, so files of
 * happy-dom and of node in turn started a fresh worker (and loaded every module again) about every other file:
 * measured, 38 worker processes for the two zones' unit tests; grouped, 10.
 */
class ByEnvironment extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Each file read once (both zones' projects hold the same files). The sort is stable: within a group the files
    // keep Vitest's order.
    const domFiles = new Set(
      [...new Set(sorted.map((f) => f.moduleId))].filter((id) => /@vitest-environment happy-dom/.test(readFileSync(id, 'utf8').slice(0, 400))),
    );
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    const group = new Map(sorted.map((f) => [f, 2 * projects.indexOf(f.project.name) + (domFiles.has(f.moduleId) ? 0 : 1)]));
    return sorted.sort((a, b) => group.get(a)! - group.get(b)!);
  }
}

/** The unit and component tests, with the environment (a zone, the zone run's seeds) a run gets. */
function unitProject(name: string, env: Record<string, string>) {
  return {
    plugins: [WxtVitest()],
    test: {
      name,
      env,
      include: ['tests/**/*.test.{ts,tsx}'],
      exclude: ['tests/e2e/**'],
      setupFiles: ['tests/setup-idb.ts', 'tests/setup-each.ts'],
      environment: 'node',
      ...fast,
    },
  };
}

export default defineConfig({
  test: {
    sequence: { sequencer: ByEnvironment },
    projects: [
      // The unit suite twice, in far-apart zones (UTC+14, and UTC-10 or UTC-9 in summer), so no test leans on
      // the machine's own zone; `--project 'unit-*'` runs both (`npm test`, `npm run test:unit`).
      unitProject('unit-kiritimati', { TZ: 'Pacific/Kiritimati', TEND_ZONE_RUN: '0' }),
      unitProject('unit-adak', { TZ: 'America/Adak', TEND_ZONE_RUN: '1' }),
      // The same suite in the zone the shell gives: `TZ=Asia/Tokyo npx vitest run --project unit`.
      unitProject('unit', {}),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A browser beside other work answers in seconds what takes milliseconds alone: polls wait up to 10 s.
          // Every ask is work for the browser and the test: measured, asking every 50 ms cost the browser tests
          // 538 CPU-s and 276 s here, every 200 ms 473 and 243 s, every 400 ms 432 and 225 s (800 ms: no better).
          expect: { poll: { timeout: 10_000, interval: 400 } },
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
