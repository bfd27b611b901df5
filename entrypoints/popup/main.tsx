import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../components/services';
import { clearBadge, ensureNudgeAlarm } from '../../utils/nudges-browser';
import { createServices, localiseDocument } from '../../utils/services-browser';
import './popup.css';
import { App } from './App';
import { preloadPopup } from './usePopup';

const services = createServices();
preloadPopup(services);
localiseDocument(document);

render(
  <ServicesContext.Provider value={services}>
    <App openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);

// After the idea is on screen: clear the quiet "notifications are blocked" dot and re-check the alarm.
setTimeout(() => {
  void clearBadge();
  void ensureNudgeAlarm(services.store);
}, 300);
