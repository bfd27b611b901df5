import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../platform/services';
import { applyTheme } from '../../look/useTheme';
import { localiseDocument } from '../../platform/i18n-browser';
import { createServices } from '../../app/services-browser';
import { createUiServices } from '../../app/ui-services-browser';
import { talkIdFromHash } from '../../talk/talk-flow';
import { loadTalks } from '../../talk/talks-browser';
import { loadTracks } from '../../tracks/tracks-browser';
import { readViewCache } from '../../platform/view-cache';
import { App, type TalkActions } from './App';
import './talk.css';

const services = createServices(createUiServices());
localiseDocument(document, 'talkPageTitle');
// The look the popup last saw, in the first frame; IndexedDB confirms it a moment later.
const cached = readViewCache(localStorage, Date.now());
if (cached) applyTheme(cached.theme);
// Fetch the conversations while Preact starts.
void loadTalks().catch(() => {});

const actions: TalkActions = {
  loadTalks,
  loadTracks,
  // Today's idea in this same tab: the talk page was opened from it, so going back stays in one place.
  openToday: () => location.assign(browser.runtime.getURL('/popup.html')),
};

render(
  <ServicesContext.Provider value={services}>
    <App actions={actions} initialTalkId={talkIdFromHash(location.hash)} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
