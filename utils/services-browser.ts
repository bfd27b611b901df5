/** The real services handed to popup and options. */
import { browser } from 'wxt/browser';
import type { Services } from '../components/services';
import { createTendStore } from './db';
import { t } from './i18n-browser';
import { loadIdeas } from './library-browser';
import { changeNudgeState, ensureNudgeAlarm } from './nudges-browser';

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
    announcePrefs: () => channel.postMessage('prefs'),
    onPrefsAnnounced: (listener) => {
      const handler = () => listener();
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
  };
}

/** Localises `lang` and static `data-i18n` text in a page's HTML before the app renders. */
export function localiseDocument(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.title = t('extName');
}
