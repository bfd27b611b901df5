/** The real services handed to popup and options. */
import { browser } from 'wxt/browser';
import type { Services } from '../components/services';
import { createTendStore } from './db';
import type { MessageKey } from './i18n';
import { t } from './i18n-browser';
import { loadIdeas } from './library-browser';
import { themeOf } from './theme';
import { writeViewCache } from './view-cache';

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
    // The scheduler loads after the first paint: opening the popup does not wait for it.
    replanNudges: async () => void (await (await import('./nudges-browser')).ensureNudgeAlarm(store, true)),
    changeNudgeState: async (change) => (await import('./nudges-browser')).changeNudgeState(store, change),
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
