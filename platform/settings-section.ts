import type { PrefsPatch } from '../store/schema';
import type { Prefs } from '../model/prefs';
import type { Track } from '../model/track';

/** What every settings section gets: the stored preferences and a save that writes only the fields given. */
export interface SectionProps {
  prefs: Prefs;
  save: (patch: PrefsPatch) => Promise<void>;
}

/** What only Settings can do besides storing: the browser-facing actions its page hands to its sections. */
export interface OptionsActions {
  previewNudge: () => Promise<boolean>;
  notificationsBlocked: () => Promise<boolean>;
  shortcut: () => Promise<string>;
  download: (fileName: string, text: string, type?: string) => void;
  /** The tracks in Tend's language. */
  loadTracks: () => Promise<Track[]>;
  /** Sync through the browser's own sync: a round now (in the worker), and emptying Tend's part of it. */
  sync: { now: () => Promise<unknown>; clear: () => Promise<void>; firefox: boolean };
}
