import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../platform/services';
import { openTodaysIdea, previewNudge } from '../../nudges/nudges-browser';
import { localiseDocument } from '../../platform/i18n-browser';
import { createServices } from '../../app/services-browser';
import { createUiServices } from '../../app/ui-services-browser';
import { App, type WelcomeActions } from './App';
import './welcome.css';

const services = createServices(createUiServices());
localiseDocument(document, 'welcomeTitle');

const actions: WelcomeActions = {
  previewNudge: () => previewNudge(services.store),
  // The toolbar popup (Chrome 127+, Firefox), else the popup's page in this tab.
  openToday: () => void openTodaysIdea(() => location.assign(browser.runtime.getURL('/popup.html'))),
  // Set when the extension is built (WXT), so each browser's build names its own way to pin the button.
  firefox: import.meta.env.FIREFOX,
};

render(
  <ServicesContext.Provider value={services}>
    <App actions={actions} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
