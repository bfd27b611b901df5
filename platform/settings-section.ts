import type { PrefsPatch } from '../store/db';
import type { Prefs } from '../model/prefs';

/** What every settings section gets: the stored preferences and a save that writes only the fields given. */
export interface SectionProps {
  prefs: Prefs;
  save: (patch: PrefsPatch) => Promise<void>;
}
