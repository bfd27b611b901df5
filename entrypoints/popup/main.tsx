import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../components/services';
import { applyTheme } from '../../components/useTheme';
import { readViewCache } from '../../utils/view-cache';
import { askWorker, createServices, localiseDocument } from '../../utils/services-browser';
import './popup.css';
import { App } from './App';
import { preloadPopup } from './usePopup';

const services = createServices();
preloadPopup(services);
localiseDocument(document);
// The look and idea of the last visit today, painted in the first frame; IndexedDB confirms them a moment later.
const cached = readViewCache(localStorage, Date.now());
if (cached) applyTheme(cached.theme);

render(
  <ServicesContext.Provider value={services}>
    <App
      openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      cachedIdea={cached?.idea ?? null}
    />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);

// After the idea is on screen: the worker clears the quiet "notifications are blocked" dot and re-checks the alarm.
setTimeout(() => void askWorker('popup-opened').catch(() => {}), 300);
