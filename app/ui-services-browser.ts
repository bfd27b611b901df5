/**
 * The services the popup runs on: words, time, copying, opening pages, the render cache, asking the
 * worker and hearing the store's announcements. No data layer (IndexedDB, the library): the worker
 * answers the popup, and services-browser.ts adds the data layer for every other page.
 */
import { browser } from 'wxt/browser';
import type { Services, UiServices } from '../platform/services';
import { t } from '../platform/i18n-browser';
import { DB_NAME, storeChannelName } from '../model/store-channel';
import { writeViewCache } from '../platform/view-cache';
import { workerMessage, type WorkerRequest } from '../platform/worker-request';

let full: Promise<Services> | null = null;

export function createUiServices(): UiServices {
  const ui: UiServices = {
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
    askWorker,
    onStoreChange: (listener) => {
      const channel = new BroadcastChannel(storeChannelName(DB_NAME));
      channel.onmessage = () => listener();
      return () => channel.close();
    },
    full: () => (full ??= import('./services-browser').then((m) => m.createServices(ui))),
  };
  return ui;
}

/** Asks the background worker (woken if it sleeps) and resolves with its answer once it is done. */
export function askWorker(request: WorkerRequest): Promise<unknown> {
  return browser.runtime.sendMessage(workerMessage(request));
}
