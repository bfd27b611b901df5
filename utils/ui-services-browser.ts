/**
 * The services a page's first frame needs: words, time, copying, opening pages, the render cache
 * and asking the worker. No data layer (IndexedDB, the library): services-browser.ts adds that, so
 * the popup can paint today's idea before the store's code has loaded.
 */
import { browser } from 'wxt/browser';
import type { UiServices } from '../components/services';
import { t } from './i18n-browser';
import { writeViewCache } from './view-cache';
import { workerMessage, type WorkerRequest } from './worker-request';

export function createUiServices(): UiServices {
  return {
    t,
    now: Date.now,
    random: Math.random,
    locale: browser.i18n.getUILanguage(),
    copyText: (text) => navigator.clipboard.writeText(text),
    saveView: (view) => writeViewCache(localStorage, Date.now(), view),
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
