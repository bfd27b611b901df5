import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import type { ManualChunksOption } from 'rollup';
import type { Plugin } from 'vite';
import { defineConfig, type GeneratedPublicFile } from 'wxt';
import { LIBRARY_LANGUAGES, libraryPath, parseTranslation, translate, type LibraryKind } from './ideas/library';
import { parseTracks, translateTracks } from './tracks/tracks';
import { parseIdeas, parseNudgeLines } from './model/vocabulary';
import { parseTalks, translateTalks } from './talk/talks';
import { parseWishes, translateWishes } from './wishes/wishes';

export const GECKO_ID = 'tend@tend.invalid';
/** Everything Tend uses, and nothing more; tests/manifest.test.ts holds the build to it. */
export const PERMISSIONS = ['alarms', 'notifications', 'idle', 'storage'];

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The pages' chunks, by folder and by how code is loaded, never by a list of files:
 * - `store`: IndexedDB — idb, what store/ holds that a page loads up front (its rare verbs load apart, when
 *   called), the services that open it (app/services-browser), and what model/ and lib/ hold beyond the
 *   popup's first frame;
 * - `vendor`: other third-party code (Preact, the polyfill), so `npm run bench` weighs Tend's own code apart;
 * - `view`: Tend's code the popup's first frame imports up front (every page uses it);
 * - the rest as Rollup shares it between pages. So a file moved into store/ can never reach the popup's
 *   first frame without the build test that keeps IndexedDB code out of it failing.
 */
function pageChunks(): Plugin {
  type Info = (id: string) => { importedIds: readonly string[]; isEntry: boolean } | null;
  /** Every module reachable from `starts` through static imports. */
  const upFront = (info: Info, starts: string[]) => {
    const seen = new Set<string>();
    for (let id = starts.pop(); id !== undefined; id = starts.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      starts.push(...(info(id)?.importedIds ?? []));
    }
    return seen;
  };
  let graph: { firstFrame: Set<string>; pages: Set<string> } | null = null;
  return {
    name: 'tend-page-chunks',
    outputOptions(options) {
      // The background worker is one IIFE file, where chunks do not exist.
      if (options.format === 'iife') return null;
      graph = null;
      const chunk: ManualChunksOption = (id, { getModuleIds, getModuleInfo }) => {
        if (graph === null) {
          const ids = [...getModuleIds()];
          graph = {
            firstFrame: upFront(getModuleInfo, ids.filter((m) => /\/entrypoints\/popup\/main\.tsx$/.test(m))),
            pages: upFront(getModuleInfo, ids.filter((m) => getModuleInfo(m)?.isEntry)),
          };
        }
        if (/node_modules\/idb\//.test(id) || /\/app\/services-browser\.ts$/.test(id)) return 'store';
        if (/\/store\/[^/]+\.ts$/.test(id)) return graph.pages.has(id) ? 'store' : undefined;
        // Rollup's helpers for CommonJS code (webextension-polyfill's) go with that code: in 'view' they made the two
        // chunks import each other.
        if (id.includes('node_modules') || id.includes('commonjsHelpers')) return 'vendor';
        // Vite's preload helper and WXT's page plugin: every page needs them first.
        if (id.includes('vite/preload-helper') || id.includes('wxt-html-plugins')) return 'view';
        if (graph.firstFrame.has(id)) return /\/entrypoints\//.test(id) ? undefined : 'view';
        if (/\/(model|lib)\/[^/]+\.ts$/.test(id) && graph.pages.has(id)) return 'store';
        return undefined;
      };
      return { ...options, manualChunks: chunk };
    },
  };
}

/**
 * The library as the extension loads it: one plain file per kind and language under /library/,
 * the texts of assets/library/<kind>.<lang>.json merged into the English original by id. Plain
 * files, not imports: the background worker is one IIFE bundle, where Vite would inline imported
 * JSON into the code.
 */
function libraryFiles(): GeneratedPublicFile[] {
  const read = (file: string): unknown => JSON.parse(readFileSync(`assets/library/${file}`, 'utf8'));
  /** One kind's file per language: the English original, or it with the texts of `<kind>.<lang>.json` merged in. */
  const perLanguage = <T>(kind: LibraryKind, parse: (raw: unknown) => T[], merge: (original: T[], raw: unknown) => T[]) => {
    const original = parse(read(`${kind}.json`));
    return LIBRARY_LANGUAGES.map((lang) => ({
      relativeDest: libraryPath(kind, lang).slice(1),
      contents: JSON.stringify(lang === 'en' ? original : merge(original, read(`${kind}.${lang}.json`))),
    }));
  };
  // Ideas and nudge lines have one text each; conversations, wishes and tracks several (title, why, prompts or steps…).
  const textOnly = <T extends { id: string; text: string }>(original: T[], raw: unknown) => translate(original, parseTranslation(raw));
  return [
    ...perLanguage('ideas', parseIdeas, textOnly),
    ...perLanguage('nudges', parseNudgeLines, textOnly),
    ...perLanguage('talks', parseTalks, translateTalks),
    ...perLanguage('wishes', parseWishes, translateWishes),
    ...perLanguage('tracks', parseTracks, translateTracks),
  ];
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // TEND_OUTDIR: a separate build folder, so parallel work does not overwrite .output.
  outDir: process.env.TEND_OUTDIR ?? '.output',
  imports: false,
  // The sources package is for store reviewers to rebuild Tend: code and config, not screenshots.
  zip: { excludeSources: ['docs/**', '.tmp/**', 'web-ext-artifacts/**'] },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...libraryFiles());
    },
  },
  vite: () => ({
    build: {
      // Chrome and Firefox 115+ preload modules themselves; Vite's polyfill would only add weight to every page.
      modulePreload: { polyfill: false },
      // Terser packs Tend's code about 4 % smaller than esbuild (1 KB of the popup, gzip): the popup has a size budget.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 }, format: { comments: false } },
      // TEND_SOURCEMAP=1: source maps, to see which module weighs what in a bundle.
      sourcemap: !!process.env.TEND_SOURCEMAP,
    },
    plugins: [preact(), pageChunks()],
  }),
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: PERMISSIONS,
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandOpen__',
      },
    },
    // Dev mode needs the dev server; store builds get the strict policy.
    ...(mode === 'production' ? { content_security_policy: { extension_pages: CSP } } : {}),
    ...(browser === 'firefox' ? { browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    } } : {}),
  }),
});
