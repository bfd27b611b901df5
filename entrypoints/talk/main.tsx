import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../components/services';
import { applyTheme } from '../../components/useTheme';
import { localiseDocument } from '../../utils/i18n-browser';
import { createServices } from '../../utils/services-browser';
import { talkIdFromHash } from '../../utils/talk-flow';
import { loadTalks } from '../../utils/talks-browser';
import { readViewCache } from '../../utils/view-cache';
import { App, type TalkActions } from './App';
import './talk.css';

const services = createServices();
localiseDocument(document, 'talkPageTitle');
// The look the popup last saw, in the first frame; IndexedDB confirms it a moment later.
const cached = readViewCache(localStorage, Date.now());
if (cached) applyTheme(cached.theme);
// Fetch the conversations while Preact starts.
void loadTalks().catch(() => {});

const actions: TalkActions = {
  loadTalks,
  // Today's idea in this same tab: the talk page was opened from it, so going back stays in one place.
  openToday: () => location.assign(browser.runtime.getURL('/popup.html')),
};

render(
  <ServicesContext.Provider value={services}>
    <App actions={actions} initialTalkId={talkIdFromHash(location.hash)} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
