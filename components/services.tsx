/** What pages hand to components: components never import `browser` or `idb` themselves. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TendStore } from '../utils/db';
import type { Translate } from '../utils/i18n';
import type { Idea } from '../utils/library';
import type { NudgeState } from '../utils/schedule';
import type { ViewCache } from '../utils/view-cache';

export interface Services {
  t: Translate;
  store: TendStore;
  now: () => number;
  random: () => number;
  locale: string;
  loadIdeas: () => Promise<Idea[]>;
  copyText: (text: string) => Promise<void>;
  /** Re-plan the nudge alarm after something it depends on changed. */
  replanNudges: () => Promise<void>;
  changeNudgeState: (change: (state: NudgeState) => NudgeState) => Promise<void>;
  /** Remember what the popup showed, so its next opening can paint it in the first frame. */
  saveView: (view: ViewCache) => void;
  /** Ways out when the database cannot be opened. */
  rescue: {
    exportReadable: () => Promise<{ fileName: string; text: string }>;
    startFresh: () => Promise<void>;
    download: (fileName: string, text: string) => void;
  };
  /** Opens one of Tend's own pages in a tab (welcome, talk, options). */
  openPage: (path: '/welcome.html' | '/talk.html' | '/options.html', hash?: string) => void;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext is missing');
  return services;
}
