import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../components/services';
import { applyTheme } from '../../components/useTheme';
import { localiseDocument } from '../../utils/i18n-browser';
import { askWorker, createUiServices } from '../../utils/ui-services-browser';
import { readViewCache } from '../../utils/view-cache';
import './popup.css';
import { App } from './App';

localiseDocument(document);
const root = document.getElementById('app') as HTMLElement;
const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());
// The look and idea of the last visit today, painted in the first frame with only the view's code;
// the data stage (store, library, picker) loads meanwhile and confirms them a moment later.
const cached = readViewCache(localStorage, Date.now());
if (cached) applyTheme(cached.theme);
if (cached?.idea) {
  render(
    <ServicesContext.Provider value={createUiServices()}>
      <App popup={null} openOptions={openOptions} cachedIdea={cached.idea} />
    </ServicesContext.Provider>,
    root,
  );
}
void import('./Popup').then(({ startPopup }) => startPopup(root, { openOptions, cachedIdea: cached?.idea ?? null }));

// After the idea is on screen: the worker clears the quiet "notifications are blocked" dot and re-checks the alarm.
setTimeout(() => void askWorker('popup-opened').catch(() => {}), 300);
