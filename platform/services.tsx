/** What pages hand to components: components never import `browser` or `idb` themselves. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TendStore } from '../store/db';
import type { Translate } from './i18n';
import type { Idea } from '../model/vocabulary';
import type { ViewCache } from './view-cache';
import type { WorkerRequest } from './worker-request';

/** What the popup runs on (and every page has): words, time, copying, pages, the render cache and the worker. */
export interface UiServices {
  t: Translate;
  now: () => number;
  random: () => number;
  locale: string;
  copyText: (text: string) => Promise<void>;
  /** Remember what the popup showed, so its next opening can paint it in the first frame. */
  saveView: (view: ViewCache) => void;
  /** Opens one of Tend's own pages in a tab (welcome, talk, wishes, options). */
  openPage: (path: '/welcome.html' | '/talk.html' | '/wishes.html' | '/options.html', hash?: string) => void;
  /** Asks the background worker and resolves with its answer once it is done. */
  askWorker: (request: WorkerRequest) => Promise<unknown>;
  /** Hears about every write to the stored data, made anywhere (the store's announcements). */
  onStoreChange: (listener: () => void) => () => void;
  /** The data layer, loaded on first use by the parts of the popup that rarely show (check-in, trouble). */
  full: () => Promise<Services>;
}

export interface Services extends UiServices {
  store: TendStore;
  loadIdeas: () => Promise<Idea[]>;
  /** Re-plan the nudge alarm after something it depends on changed. */
  replanNudges: () => Promise<void>;
  /** Ways out when the database cannot be opened. */
  rescue: {
    exportReadable: () => Promise<{ fileName: string; text: string }>;
    startFresh: () => Promise<void>;
    download: (fileName: string, text: string) => void;
  };
}

/** A page hands either: the popup has only the UI services (it asks the worker), every other page has all. */
export const ServicesContext = createContext<UiServices | Services | null>(null);

/** Words, time, pages and the worker: all that the popup has, and all that the parts drawn in it use. */
export function useUiServices(): UiServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext is missing');
  return services;
}

const isFull = (services: UiServices | Services): services is Services => 'store' in services;

/** Everything, the data layer included: in the popup, only inside a part that loaded it (`full`). */
export function useServices(): Services {
  const services = useUiServices();
  if (!isFull(services)) throw new Error('The data layer has not loaded yet');
  return services;
}
