/** What the worker answers the popup with (popup-view.ts), and what it answers from. Types only. */
import type { TendStore } from '../store/db';
import type { Translate } from '../platform/i18n';
import type { Idea } from '../model/vocabulary';
import type { ThemePrefs } from '../model/prefs';
import type { PopupRequest } from './popup-request';
import type { StatusLine } from '../nudges/status-line';
import type { Track } from '../tracks/tracks';
import type { TrackView } from '../tracks/track-view';

/** Everything the popup draws. */
export interface PopupView {
  theme: ThemePrefs;
  idea: Idea | null;
  /** Why there is no idea: filters leave none, all fitting ideas were set aside, or no library. */
  empty: 'filters' | 'hidden' | 'library' | null;
  favourite: boolean;
  triedToday: boolean;
  /** Shown in the last two weeks, newest first, today's left out. */
  recent: Idea[];
  favourites: Idea[];
  /** The idea the day after will bring if nothing changes (the render cache paints it at once)… */
  tomorrow: Idea | null;
  /** …if the day's first opening is at one of these local hours: those its time of day fits. */
  tomorrowHours: number[];
  status: StatusLine | null;
  /** The pause menu, with "Later" only after a real nudge; null when paused, off or not set up. */
  menu: { later: boolean } | null;
  /** A check-in or counsellor card is due: the popup loads the check-in area. */
  checkIn: boolean;
  /** "Check in now" is offered: not in the first week after the welcome (checkInNowOffered). */
  checkInNow: boolean;
  /** After "Not for us": the request that undoes it. */
  undo?: PopupRequest;
  /** "Show" asked for an idea that cannot be today's: set aside, left out by the filters, or gone. */
  cannotShow?: 'hidden' | 'filters' | 'gone';
  /** The data's generation: a new one after "Delete all data" or an import, which end every Undo. */
  generation: string | null;
  /** While paired: whether the idea shown is the pair's (else "Our idea" brings it back), and whether the
   * pair's own idea of the day was set aside here, so this is the pair's next one. */
  pair: { ours: boolean; passedOver: boolean } | null;
  /** A track under way: today's step (shown in the idea's place), a line while the next waits, or its closing. */
  track: TrackView | null;
}

export type PopupAnswer = { view: PopupView } | { trouble: 'newer' | 'damaged' };

export interface PopupContext {
  store: TendStore;
  loadIdeas: () => Promise<Idea[]>;
  now: () => number;
  random: () => number;
  t: Translate;
  locale: string;
  /** The tracks in Tend's language (none: a context that has no tracks). */
  loadTracks?: () => Promise<Track[]>;
  /** Plans the nudge alarm anew (after a pause, a resume, nudges turned on). */
  replan: () => Promise<void>;
}
