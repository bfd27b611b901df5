import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../platform/services';
import { applyTheme } from '../../look/useTheme';
import { localiseDocument } from '../../platform/i18n-browser';
import { askWorker, createUiServices } from '../../app/ui-services-browser';
import { readViewCache } from '../../platform/view-cache';
import './popup.css';
import { App } from './App';
import { askEarly } from './usePopup';

localiseDocument(document);
const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());
const openedAt = Date.now();
// The worker is asked first: its answer (today's idea as stored, and everything around it) is on its way while
// the first frame paints the look and idea of the last visit today.
const early = askEarly(askWorker, openedAt);
const cached = readViewCache(localStorage, openedAt);
if (cached) applyTheme(cached.theme);
render(
  <ServicesContext.Provider value={createUiServices()}>
    <App openOptions={openOptions} cachedIdea={cached?.idea ?? null} early={early} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);

// After the idea is on screen: the worker clears the quiet "notifications are blocked" dot and re-checks the alarm.
setTimeout(() => void askWorker('popup-opened').catch(() => {}), 300);
