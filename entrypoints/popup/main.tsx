import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/base.css';
import { ServicesContext } from '../../components/services';
import { clearBadge, ensureNudgeAlarm } from '../../utils/nudges-browser';
import { createServices, localiseDocument } from '../../utils/services-browser';
import './popup.css';
import { App } from './App';

const services = createServices();
localiseDocument(document);
// Opening the popup clears the quiet "notifications are blocked" dot and re-checks the alarm.
void clearBadge();
void ensureNudgeAlarm(services.store);

render(
  <ServicesContext.Provider value={services}>
    <App openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
