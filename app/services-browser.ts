/** The real services handed to the pages: the first frame's (words, time, pages) and the data layer. */
import type { Services, UiServices } from '../platform/services';
import { createTendStore } from '../store/db';
import { loadIdeas } from '../ideas/library-browser';
import { themeOf } from '../model/prefs';
import { writeViewCache } from '../platform/view-cache';

/** The data layer on top of the first frame's services (`ui`). */
export function createServices(ui: UiServices): Services {
  const store = createTendStore();
  // New settings (here or in any page, an import, "Delete all data") may change the look and which ideas
  // fit: the render cache keeps the look and lets the popup pick again.
  store.onChange((change) => {
    if (change !== 'prefs' && change !== 'all') return;
    void store
      .readPrefs()
      .then((prefs) => writeViewCache(localStorage, Date.now(), { theme: themeOf(prefs), idea: null }))
      .catch(() => {});
  });
  return {
    ...ui,
    store,
    loadIdeas,
    // The worker plans the alarm: pages change what is stored, then ask it to plan anew.
    replanNudges: async () => void (await ui.askWorker('replan')),
    rescue: {
      async exportReadable() {
        const now = Date.now();
        // Loaded only on this rare path, so the popup stays small.
        const [{ backupFileName, createBackup }, { readAnyVersion }] = await Promise.all([import('../backup/backup'), import('../store/read-any-version')]);
        return { fileName: backupFileName(now), text: createBackup(await readAnyVersion(), now) };
      },
      startFresh: () => store.destroy(),
      download: downloadText,
    },
  };
}

/** Saves text as a file in the person's downloads (no permission needed: a link the page clicks). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
