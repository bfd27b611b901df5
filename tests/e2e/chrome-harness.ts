/**
 * Launches Debian's Chromium with the built extension through playwright-core, with a
 * refusing proxy that counts every connection the browser tries to make to the outside.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { FINISH_SETUP_SOURCE, FIRST_PAUSE_MS, nextPause, RefusingProxy, tempProfile as sharedTempProfile } from './shared';

export { RefusingProxy };

/** TEND_OUTDIR lets two people build and test side by side without sharing .output. */
export const CHROME_DIR = resolve(process.env.TEND_OUTDIR ?? '.output', 'chrome-mv3');

export function findChromium(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install it with "apt-get install -y chromium" or set CHROME_PATH.`,
    );
  }
  return found;
}

/**
 * Chromium's own update, time and sign-in checks, which go out whatever extension is loaded
 * and cannot all be switched off by flags. The extension itself cannot reach them: it has
 * no host permissions and its CSP allows connections to itself only.
 */
export const BROWSER_OWN_HOSTS = [
  'update.googleapis.com',
  'accounts.google.com',
  'clients2.google.com',
  'redirector.gvt1.com',
  // Chromium 150 asks these with no extension loaded at all (its search page, "AI mode" eligibility, device check-in).
  'www.google.com',
  'android.clients.google.com',
];

/** What the proxy saw besides Chromium's own traffic: requests that tried to leave the browser. */
export const requestsThatLeft = (proxy: RefusingProxy): string[] =>
  proxy.seen.filter((line) => !BROWSER_OWN_HOSTS.some((host) => line.includes(host)));

export interface Tend {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  pageErrors: string[];
  /** Every URL the extension's pages and worker asked for. */
  requests: string[];
  /** Opens one of Tend's pages in a new tab; `media` emulates a colour scheme or reduced motion in that tab only. */
  open(page: 'popup' | 'options' | 'welcome' | 'talk' | 'wishes', query?: string, media?: Media): Promise<Page>;
  /**
   * One clock for the whole extension: pins the pages' clock (Playwright's) and the service worker's
   * (Date replaced inside it, again in every worker that starts later) at `time`. `null` lets the
   * worker's time run again (pages keep Playwright's clock as last set).
   */
  setTime(time: number | null): Promise<void>;
  close(): Promise<void>;
}

/** Flags that keep Chromium's own background traffic (updates, sync, safe browsing) quiet. */
const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying',
  '--allow-browser-signin=false',
  '--extensions-update-frequency=604800',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
  '--disable-quic',
];

/** What a page is told of the system's look; Playwright emulates it per page, without a relaunch. */
export interface Media {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

export interface LaunchOptions {
  proxy?: RefusingProxy;
  extensionDir?: string;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  lang?: string;
  /** The browser's own time zone (pages and worker), as a person elsewhere has it: an IANA name. */
  timezone?: string;
  /** false: leave the welcome unfinished (tests of the welcome); otherwise it is marked finished at launch. */
  setUp?: boolean;
  /** true: every JavaScript tier and the GPU path, as people's browsers run (for timing); tests leave them out. */
  asPeopleHaveIt?: boolean;
}

/** How long each browser closed in this file took (ms): a test that needs it closed by a moment plans from these. */
const closeTimes: number[] = [];
export const slowestClose = (): number | null => (closeTimes.length ? Math.max(...closeTimes) : null);

export async function launchTend(profileDir: string, options: LaunchOptions = {}): Promise<Tend> {
  const dir = options.extensionDir ?? CHROME_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run "npm run build" first.`);
  const args = [
    '--headless=new',
    `--load-extension=${dir}`,
    `--disable-extensions-except=${dir}`,
    '--no-sandbox',
    ...QUIET,
    // Browser, pages and worker in one process. Tend's code runs the same (its pages and worker still talk through
    // the browser's IndexedDB, channels and messages); a test's browser does about a quarter less work: measured, a
    // new tab 0.7 → 0.4 CPU-s, the browser tests 700 → 510 CPU-s on this 2-core machine.
    '--single-process',
    // A test's page lives for seconds: V8's optimizing compilers (Maglev, TurboFan) spend more compiling its code
    // than the faster code saves, and drawing without the GPU path skips its software emulation. Tend's code runs
    // the same (JavaScript means the same in every tier). Measured, six browser test files: 130–150 → 103–108
    // CPU-s; all of them: 459 → 391 CPU-s and 240 → 204 s. `npm run bench` times the browser as people have it.
    ...(options.asPeopleHaveIt ? [] : ['--js-flags=--no-opt --no-maglev', '--disable-gpu']),
  ];
  if (options.lang) args.push(`--lang=${options.lang}`);
  if (options.proxy) args.push(`--proxy-server=http://127.0.0.1:${options.proxy.port}`, '--proxy-bypass-list=<-loopback>');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: false,
    args,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
    viewport: { width: 900, height: 900 },
    acceptDownloads: true,
    ...(options.lang ? { locale: options.lang } : {}),
    ...(options.timezone ? { env: { ...process.env, TZ: options.timezone } } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const pageErrors: string[] = [];
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  let pinned: number | null = null;
  const pinWorker = (w: Worker) => w.evaluate(pinClock, pinned).catch(() => undefined);
  context.on('serviceworker', (w) => void pinWorker(w));
  // One quiet tab for both: waiting for the browser's messages, then (unless a test of the welcome) finishing it.
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/icon/16.png`);
  await messagesReady(page);
  if (options.setUp !== false) await finishSetup(context, page);
  await page.close();
  return {
    requests,
    context,
    extensionId,
    worker,
    pageErrors,
    async open(name, query = '', media) {
      const page = await context.newPage();
      if (media) await page.emulateMedia(media);
      page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(`${name} console: ${m.text()}`);
      });
      await page.goto(`chrome-extension://${extensionId}/${name}.html${query}`);
      return page;
    },
    async setTime(time) {
      pinned = time;
      if (time !== null) await pinPages(context, time);
      await Promise.all(context.serviceWorkers().map(pinWorker));
    },
    async close() {
      const t0 = Date.now();
      await context.close();
      closeTimes.push(Date.now() - t0);
    },
  };
}

/**
 * Pins the clock of every page. A page still loading (a welcome tab the extension opens by itself) has not run
 * Playwright's clock script yet, and `setFixedTime` fails on it: such pages are waited for, then asked again.
 * On a loaded machine a tab the extension opened while the browser started can stay without the script (seen
 * once in a CI-like run: every later `setFixedTime` of that file failed); after a second of asking, every page is
 * loaded anew, which gives it the script, and asked again.
 */
async function pinPages(context: BrowserContext, time: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await Promise.all(context.pages().map((p) => p.waitForLoadState('domcontentloaded').catch(() => undefined)));
    try {
      return await context.clock.setFixedTime(time);
    } catch (error) {
      if (attempt >= 15 || !String(error).includes('controller')) throw error;
      if (attempt === 5) await Promise.all(context.pages().map((p) => p.reload().catch(() => undefined)));
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * Runs in the service worker with the moment to pin (or null to let real time run again): `Date.now()`
 * and `new Date()` answer that moment, as Playwright's `setFixedTime` does for pages.
 */
function pinClock(time: number | null): void {
  const g = globalThis as unknown as { Date: DateConstructor; tendRealDate?: DateConstructor };
  g.tendRealDate ??= g.Date;
  const Real = g.tendRealDate;
  if (time === null) {
    g.Date = Real;
    return;
  }
  class Pinned extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(time as number);
      else super(...(args as [string]));
    }
    static override now(): number {
      return time as number;
    }
  }
  g.Date = Pinned as DateConstructor;
}

/**
 * Right after an extension is loaded, Chromium can answer i18n.getMessage with '' for a moment, and a page
 * opened then keeps empty labels. People meet an extension long after it loaded; tests wait for that moment.
 */
async function messagesReady(page: Page): Promise<void> {
  await waitFor(() => page.evaluate(() => chrome.i18n.getMessage('extName')), (name) => name !== '', 10_000);
}

/** Marks the welcome finished, waits for the first alarm (nudges are on by default), closes the welcome tab. */
async function finishSetup(context: BrowserContext, page: Page): Promise<void> {
  const wrote = (await page.evaluate(FINISH_SETUP_SOURCE)) as boolean;
  if (!wrote) return;
  const welcome = context.pages().find((p) => p.url().includes('/welcome.html'))
    ?? (await context.waitForEvent('page', { predicate: (p) => p.url().includes('/welcome.html'), timeout: 5000 }).catch(() => null));
  await welcome?.close();
  const worker = context.serviceWorkers()[0];
  if (worker) await waitFor(() => worker.evaluate(() => chrome.alarms.getAll()), (list) => list.length > 0, 10_000).catch(() => {});
}

export function tempProfile(): { dir: string; remove: () => void } {
  return sharedTempProfile('tend-chrome-');
}

/** Runs code in the extension's service worker, waking a fresh one when the old one was stopped. */
export async function inWorker<T>(tend: Tend, fn: () => Promise<T> | T): Promise<T> {
  const worker = tend.context.serviceWorkers()[0] ?? tend.worker;
  return worker.evaluate(fn);
}

export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  for (let pause = FIRST_PAUSE_MS; !ok(last); pause = nextPause(pause)) {
    if (Date.now() > end) throw new Error(`Timed out waiting; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, pause));
    last = await read();
  }
  return last;
}
