/** The real services handed to popup and options. */
import { browser } from 'wxt/browser';
import type { Services } from '../components/services';
import { createTendStore } from './db';
import type { MessageKey } from './i18n';
import { t } from './i18n-browser';
import { loadIdeas } from './library-browser';
import { themeOf } from './theme';
import { writeViewCache } from './view-cache';
import { workerMessage, type WorkerRequest } from './worker-request';

export function createServices(): Services {
  const store = createTendStore();
  // New settings (here or in any page, an import, "Delete all data") may change the look and which ideas
  // fit: the render cache keeps the look and lets the popup pick again.
  store.onChange((change) => {
    if (change !== 'prefs' && change !== 'all') return;
    void store
      .readPrefs()
      .then((prefs) => writeViewCache(localStorage, Date.now(), { theme: themeOf(prefs), idea: null }))
      .catch(() => {});
  });
  return {
    t,
    store,
    now: Date.now,
    random: Math.random,
    locale: browser.i18n.getUILanguage(),
    loadIdeas,
    copyText: (text) => navigator.clipboard.writeText(text),
    // The worker plans the alarm: pages change what is stored, then ask it to plan anew.
    replanNudges: () => askWorker('replan'),
    changeNudgeState: async (change) => {
      await store.updateNudgeState(change);
      await askWorker('replan');
    },
    saveView: (view) => writeViewCache(localStorage, Date.now(), view),
    rescue: {
      async exportReadable() {
        const now = Date.now();
        // Loaded only on this rare path, so the popup stays small.
        const [{ backupFileName, createBackup }, { readAnyVersion }] = await Promise.all([import('./backup'), import('./read-any-version')]);
        return { fileName: backupFileName(now), text: createBackup(await readAnyVersion(), now) };
      },
      startFresh: () => store.destroy(),
      download: downloadText,
    },
    openPage: (path, hash = '') => {
      // The popup steps aside for the new tab; a page in a tab (settings) stays open.
      void browser.tabs.create({ url: browser.runtime.getURL(path) + hash }).then(() => {
        if (location.pathname.endsWith('/popup.html')) window.close();
      });
    },
  };
}

/** Asks the background worker (woken if it sleeps) and waits until it is done. */
export async function askWorker(request: WorkerRequest): Promise<void> {
  await browser.runtime.sendMessage(workerMessage(request));
}

/** Saves text as a file in the person's downloads (no permission needed: a link the page clicks). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sets the page's language and title from the browser's UI language before the app renders. */
export function localiseDocument(doc: Document, title: MessageKey = 'extName'): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.title = t(title);
}
