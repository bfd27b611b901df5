/** A short fingerprint of the idea library: two Tends with different libraries can say so. Pure. */
import { placeOf, type Idea } from '../../model/vocabulary';
import { hashString } from '../../lib/random';

/**
 * FNV-1a over what decides the pair's pool (id, kind, mode, closeness, minutes, place) of the library's
 * ideas, in id order; texts and own ideas do not count, so languages do not matter.
 */
export function libraryFingerprint(library: readonly Idea[]): number {
  const lines = library
    .filter((idea) => !idea.own)
    .map((idea) => [idea.id, idea.category, idea.mode, idea.intensity, idea.minutes, placeOf(idea)].join('|'))
    .sort();
  return hashString(lines.join('\n'));
}
