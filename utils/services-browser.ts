/** The real services handed to popup and options. */
import { browser } from 'wxt/browser';
import type { Services } from '../components/services';
import { createTendStore } from './db';
import type { MessageKey } from './i18n';
import { t } from './i18n-browser';
import { loadIdeas } from './library-browser';
import { changeNudgeState, ensureNudgeAlarm } from './nudges-browser';
import { themeOf } from './theme';
import { writeViewCache } from './view-cache';

export function createServices(): Services {
  const store = createTendStore();
  const channel = new BroadcastChannel('tend');
  return {
    t,
    store,
    now: Date.now,
    random: Math.random,
    locale: browser.i18n.getUILanguage(),
    loadIdeas,
    copyText: (text) => navigator.clipboard.writeText(text),
    replanNudges: async () => void (await ensureNudgeAlarm(store, true)),
    changeNudgeState: (change) => changeNudgeState(store, change),
    saveView: (view) => writeViewCache(localStorage, Date.now(), view),
    announcePrefs: (prefs) => {
      // New preferences may change the look and which ideas fit: keep the look, let the popup pick again.
      writeViewCache(localStorage, Date.now(), { theme: themeOf(prefs), idea: null });
      channel.postMessage('prefs');
    },
    onPrefsAnnounced: (listener) => {
      const handler = () => listener();
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
  };
}

/** Sets the page's language and title from the browser's UI language before the app renders. */
export function localiseDocument(doc: Document, title: MessageKey = 'extName'): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.title = t(title);
}
