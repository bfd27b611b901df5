/**
 * Drives Debian's firefox-esr headless with puppeteer-core over WebDriver BiDi, with the built
 * extension installed, a fixed extension UUID (so IndexedDB survives a relaunch with the same
 * profile) and every outside request routed to a local proxy that refuses and counts it.
 * The recipe and its reasons are in /work/shared/FIREFOX.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { FINISH_SETUP_SOURCE, FIRST_PAUSE_MS, nextPause, RefusingProxy, tempProfile as sharedTempProfile } from './shared';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionBrowser } from 'wxt/browser';

export { RefusingProxy };

export const FIREFOX_DIR = resolve(process.env.TEND_OUTDIR ?? '.output', 'firefox-mv2');
/** Any fixed UUID will do; it makes the pages moz-extension://<uuid>/… on every launch. */
export const EXTENSION_UUID = '6f1c2a3e-7d4b-4c1e-9a8f-3b2d1e0c7a51';

export type ExtensionBrowser = typeof extensionBrowser;

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Firefox found (looked at ${candidates.join(', ')}). Install it with "apt-get install -y firefox-esr" or set FIREFOX_PATH.`,
    );
  }
  return found;
}

/** Keeps Firefox's own background traffic quiet, so the proxy only sees what the extension asks for. */
function quietPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'services.settings.server': 'data:,#x',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.failover_direct': false,
    'network.proxy.no_proxies_on': '',
    // Fewer processes: no site isolation, one content process, none started ahead, no new-tab page kept ready.
    // Tend's pages and background run the same; measured, firefox.test.ts 90 → 53 CPU-s.
    'fission.autostart': false,
    'dom.ipc.processCount': 1,
    'dom.ipc.processPrelaunch.enabled': false,
    'browser.newtab.preload': false,
    'browser.newtabpage.enabled': false,
  };
}

export interface FirefoxTendOptions {
  profileDir: string;
  proxy: RefusingProxy;
  extensionDir?: string;
  uuid?: string;
  /** false: leave the welcome unfinished (tests of the welcome); otherwise it is marked finished at launch. */
  setUp?: boolean;
}

export type PageName = 'popup' | 'options' | (string & {});

/** One profile, launched and relaunched; page errors and proxy connections add up across launches. */
export class FirefoxTend {
  readonly profileDir: string;
  readonly proxy: RefusingProxy;
  readonly extensionDir: string;
  readonly uuid: string;
  readonly geckoId: string;
  readonly setUp: boolean;
  /** Uncaught errors and console errors of the extension's pages, background included, over every launch. */
  readonly pageErrors: string[] = [];
  /** Everything Firefox printed, for a look when something fails. */
  readonly firefoxOutput: string[] = [];
  private current: Browser | null = null;
  private outputDone: Promise<void> = Promise.resolve();

  constructor(options: FirefoxTendOptions) {
    this.profileDir = options.profileDir;
    this.proxy = options.proxy;
    this.extensionDir = options.extensionDir ?? FIREFOX_DIR;
    this.uuid = options.uuid ?? EXTENSION_UUID;
    this.setUp = options.setUp !== false;
    const manifestPath = join(this.extensionDir, 'manifest.json');
    if (!existsSync(manifestPath)) {
      throw new Error(`No build at ${this.extensionDir}: run "npx wxt build -b firefox" first.`);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    const id = manifest.browser_specific_settings?.gecko?.id;
    if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
    this.geckoId = id;
  }

  get browser(): Browser {
    if (!this.current) throw new Error('Firefox is not running: call launch() first.');
    return this.current;
  }

  get proxyConnections(): number {
    return this.proxy.connections;
  }

  url(name: PageName, query = ''): string {
    return `moz-extension://${this.uuid}/${name}.html${query}`;
  }

  async launch(): Promise<void> {
    if (this.current) throw new Error('Firefox is already running.');
    const executablePath = findFirefox();
    let browser: Browser | null = null;
    // A second try when a start fails: once in a local run both Firefox files' starts at the same moment left one
    // file's tests unrun (its output was not kept). The first error is printed, so a next time shows its cause.
    for (let attempt = 1; !browser; attempt++) {
      try {
        browser = await this.start(executablePath);
      } catch (error) {
        if (attempt >= 2) {
          throw new Error(
            `Firefox at ${executablePath} did not start (${String(error)}). ` +
              'Reinstall it with "apt-get install -y firefox-esr" or set FIREFOX_PATH.',
            { cause: error },
          );
        }
        console.warn(`Firefox did not start at the first try, trying again: ${String(error)}`);
      }
    }
    this.current = browser;
    this.outputDone = this.readOutput(browser);
    // Temporary add-ons are gone after a restart: install again each launch. The data stays (fixed UUID).
    const id = await browser.installExtension(this.extensionDir);
    if (id !== this.geckoId) throw new Error(`Installed add-on id ${id}, expected ${this.geckoId}`);
    if (this.setUp) await this.finishSetup();
  }

  private start(executablePath: string): Promise<Browser> {
    return puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: this.profileDir,
      // Firefox 153 refuses moz-extension:// pages over BiDi without it.
      args: ['--remote-allow-system-access'],
      // Makes Firefox honour services.settings.server.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      protocolTimeout: 30_000,
      timeout: 30_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [this.geckoId]: this.uuid }),
        'extensions.webextensions.keepUuidOnUninstall': true,
        'extensions.webextensions.keepStorageOnUninstall': true,
        // Headless Firefox closes system notifications at once; its own alert window keeps them.
        'alerts.useSystemBackend': false,
        // BiDi sends no log events for moz-extension:// pages, so errors are read from Firefox's own output:
        // uncaught errors go to stderr ("JavaScript error: …"), console calls of pages to stdout ("console.error: …").
        'browser.dom.window.dump.enabled': true,
        'devtools.console.stdout.content': true,
        ...quietPrefs(this.proxy.port),
      },
    });
  }

  /**
   * Marks the welcome finished and closes the welcome tab. A temporary add-on is installed anew at every
   * launch, so Firefox opens the welcome each time here; a permanent install opens it once.
   */
  private async finishSetup(): Promise<void> {
    const page = await this.open('options', 'main, [role=alert]');
    const wrote = (await page.evaluate(FINISH_SETUP_SOURCE)) as boolean;
    if (wrote) await waitUntil(page, async (b) => (await b.alarms.getAll()).length > 0, 10_000).catch(() => {});
    await page.close();
    for (const tab of await this.browser.pages()) if (tab.url().includes('/welcome.html')) await tab.close();
  }

  async close(): Promise<void> {
    const browser = this.current;
    this.current = null;
    if (!browser) return;
    await browser.close();
    // Let the last lines Firefox printed arrive.
    await Promise.race([this.outputDone, new Promise((r) => setTimeout(r, 3000))]);
  }

  private readOutput(browser: Browser): Promise<void> {
    const child = browser.process();
    const streams = [child?.stdout, child?.stderr].filter((s): s is Readable => Boolean(s));
    return Promise.all(
      streams.map(
        (stream) =>
          new Promise<void>((done) => {
            const decoder = new StringDecoder('utf8');
            let rest = '';
            const take = (text: string) => {
              const lines = (rest + text).split('\n');
              rest = lines.pop() ?? '';
              lines.forEach((line) => this.onFirefoxLine(line));
            };
            stream.on('data', (chunk: Buffer) => take(decoder.write(chunk)));
            stream.once('close', () => {
              take(decoder.end() + '\n');
              done();
            });
          }),
      ),
    ).then(() => undefined);
  }

  private onFirefoxLine(line: string): void {
    this.firefoxOutput.push(line);
    const ours = line.includes(`moz-extension://${this.uuid}/`);
    // Firefox's own Remote Settings service logs its failures to reach its server (there is no network
    // here) with the same prefix as pages do; that is Firefox's, not Tend's.
    const firefoxOwn = line.startsWith('console.error: services.settings');
    if ((line.startsWith('JavaScript error: ') && ours) || (line.startsWith('console.error: ') && !firefoxOwn)) {
      this.pageErrors.push(line);
    } else if (line.startsWith('console.warn: "Tend:"')) {
      // How the background logs a failure it caught (a nudge not planned, not shown…).
      this.pageErrors.push(line);
    }
  }

  /**
   * A new tab. Firefox 140 opens a tab in its newest window, and cannot when that is a notification's own
   * little window ("TabManager.getTabBrowser(...) is undefined"): then the tab opens beside an existing one,
   * which names the main window.
   */
  private async newTab(): Promise<Page> {
    try {
      return await this.browser.newPage();
    } catch (error) {
      if (!String(error).includes('getTabBrowser')) throw error;
      const before = await this.browser.pages();
      const beside = before[0];
      if (!beside) throw error;
      type Created = { id: string };
      const userContext = (this.browser.defaultBrowserContext() as unknown as {
        userContext: { createBrowsingContext(type: 'tab', options: { referenceContext: Created }): Promise<Created> };
      }).userContext;
      const reference = (beside.mainFrame() as unknown as { browsingContext: Created }).browsingContext;
      await userContext.createBrowsingContext('tab', { referenceContext: reference });
      for (let tries = 0; tries < 50; tries += 1) {
        const page = (await this.browser.pages()).find((p) => !before.includes(p));
        if (page) return page;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw error;
    }
  }

  async relaunch(): Promise<void> {
    await this.close();
    await this.launch();
  }

  /** Opens an extension page in a new tab and waits until `until` (a selector, or a condition run in the page) holds. */
  async open(
    name: PageName,
    until: string | ((browser: ExtensionBrowser) => unknown) = 'body',
    options: { query?: string; timeoutMs?: number } = {},
  ): Promise<Page> {
    const page = await this.newTab();
    // Silent for moz-extension:// pages in Firefox 153 (see the prefs above), kept for when that changes.
    page.on('pageerror', (error) => this.pageErrors.push(`${name}: ${String((error as Error).message ?? error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(`${name} console: ${message.text()}`);
    });
    // page.goto never resolves on extension pages (no load event seen): navigate the BiDi context itself.
    const frame = page.mainFrame() as unknown as {
      browsingContext: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<void> };
    };
    await frame.browsingContext.navigate(this.url(name, options.query), 'complete');
    await waitUntil(page, until, options.timeoutMs);
    return page;
  }
}

/**
 * Runs `fn` in the page with the extension's `browser` object and returns its (awaited) result.
 * `fn` is sent as source, so it must not use anything from the test's scope.
 */
export async function evaluate<T>(page: Page, fn: (browser: ExtensionBrowser) => T | Promise<T>): Promise<T> {
  return (await page.evaluate(`(${fn.toString()})(globalThis.browser)`)) as T;
}

/** Polls with page.evaluate (waitForFunction is blocked by the extension's CSP) until the selector exists or fn is truthy. */
export async function waitUntil(
  page: Page,
  until: string | ((browser: ExtensionBrowser) => unknown),
  timeoutMs = 15_000,
): Promise<void> {
  const check =
    typeof until === 'string'
      ? () => page.evaluate((selector: string) => document.querySelector(selector) !== null, until)
      : async () => Boolean(await evaluate(page, until));
  const end = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (let pause = FIRST_PAUSE_MS; ; pause = nextPause(pause)) {
    try {
      if (await check()) return;
      lastError = null;
    } catch (error) {
      // The page may still be loading, or between documents.
      lastError = error;
    }
    if (Date.now() > end) {
      const what = typeof until === 'string' ? `selector ${until}` : `condition ${until.toString()}`;
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what} on ${page.url()}` +
          (lastError ? ` (last error: ${String(lastError)})` : ''),
      );
    }
    await new Promise((r) => setTimeout(r, pause));
  }
}

/** Waits for the one nudge alarm to be planned, then returns every alarm there is. */
export async function alarms(page: Page) {
  await waitUntil(page, async (browser) => (await browser.alarms.getAll()).length > 0);
  return evaluate(page, (browser) => browser.alarms.getAll());
}

/**
 * Clicks like a person (a real pointer event at the control's middle) once the control is laid out
 * inside the tab's viewport: under load a fresh tab can report its first layout late, and puppeteer
 * then refuses with "Node is either not clickable or not an Element" (seen once in CI).
 */
export async function clickShown(
  page: Page,
  target: string | (() => Element | null | undefined),
  timeoutMs = 15_000,
): Promise<void> {
  const find = typeof target === 'string' ? `document.querySelector(${JSON.stringify(target)})` : `(${target.toString()})()`;
  const end = Date.now() + timeoutMs;
  for (;;) {
    const handle = (await page.evaluateHandle(`${find} ?? null`)).asElement() as ElementHandle<Element> | null;
    try {
      if (!handle) throw new Error(`nothing found by ${find} on ${page.url()}`);
      await handle.click();
      return;
    } catch (error) {
      // Only "not there yet" or "not laid out yet" is asked again: a click that failed otherwise may have landed.
      const notYet = !handle || String(error).includes('not clickable');
      if (!notYet || Date.now() > end) throw error;
    } finally {
      await handle?.dispose();
    }
    await page.evaluate(`${find}?.scrollIntoView({ block: 'center' })`).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function tempProfile(): { dir: string; remove: () => void } {
  return sharedTempProfile('tend-firefox-');
}

/**
 * One Firefox on its own profile for a describe block, with the refusing proxy; closed and removed after.
 * `before` runs first (e.g. a check that the build exists).
 */
/** What `useFirefoxTend` gives a test file: the running Tend (set once its `beforeAll` ran) and its proxy. */
export interface FirefoxSession {
  tend: FirefoxTend;
  proxy: RefusingProxy;
}

export function useFirefoxTend(options: { setUp?: boolean; before?: () => void } = {}) {
  const proxy = new RefusingProxy();
  const profile = sharedTempProfile('tend-firefox-');
  const session: FirefoxSession = { tend: null as unknown as FirefoxTend, proxy };
  beforeAll(async () => {
    options.before?.();
    await proxy.start();
    session.tend = new FirefoxTend({ profileDir: profile.dir, proxy, setUp: options.setUp });
    await session.tend.launch();
  });
  afterAll(async () => {
    await session.tend?.close();
    await proxy.stop();
    profile.remove();
  });
  return session;
}

/** The closing checks of a Firefox run. Closing first lets Firefox print its last lines, where errors are read from. */
export function describeWholeRun(current: () => FirefoxTend): void {
  describe('over the whole run', () => {
    beforeAll(async () => {
      await current().close();
    });

    it('made no outside requests', () => {
      expect(current().proxy.seen).toEqual([]);
      expect(current().proxyConnections).toBe(0);
    });

    it('had no page errors, in the pages or the background', () => {
      expect(current().pageErrors).toEqual([]);
    });
  });
}
