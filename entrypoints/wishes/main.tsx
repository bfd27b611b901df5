import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../platform/services';
import { applyTheme } from '../../look/useTheme';
import { localiseDocument } from '../../platform/i18n-browser';
import { createServices } from '../../app/services-browser';
import { createUiServices } from '../../app/ui-services-browser';
import { readViewCache } from '../../platform/view-cache';
import { loadTalks } from '../../talk/talks-browser';
import { loadWishes } from '../../wishes/wishes-browser';
import { WishesPage, type WishesActions } from '../../wishes/WishesPage';
import '../../wishes/wishes.css';

const services = createServices(createUiServices());
localiseDocument(document, 'wishesPageTitle');
// The look the popup last saw, in the first frame; IndexedDB confirms it a moment later.
const cached = readViewCache(localStorage, Date.now());
if (cached) applyTheme(cached.theme);

const actions: WishesActions = {
  loadWishes,
  loadTalkTitles: async () => new Map((await loadTalks()).map((talk) => [talk.id, talk.title])),
  // A conversation that fits opens in this same tab; the result has been seen.
  openTalk: (id) => location.assign(browser.runtime.getURL('/talk.html') + `#${id}`),
};

render(
  <ServicesContext.Provider value={services}>
    <WishesPage actions={actions} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
