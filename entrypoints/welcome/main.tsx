import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../platform/services';
import { previewNudge } from '../../nudges/nudges-browser';
import { localiseDocument } from '../../platform/i18n-browser';
import { createServices } from '../../app/services-browser';
import { createUiServices } from '../../app/ui-services-browser';
import { App, type WelcomeActions } from './App';
import './welcome.css';

const services = createServices(createUiServices());
localiseDocument(document, 'welcomeTitle');

/** Opens today's idea: the toolbar popup (Chrome 127+, Firefox), else the popup's page in this tab. */
async function openToday(): Promise<void> {
  const button = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  try {
    // Asked at once, inside the click: Firefox opens the popup only while handling a person's input.
    await button.openPopup();
  } catch {
    location.assign(browser.runtime.getURL('/popup.html'));
  }
}

const actions: WelcomeActions = {
  previewNudge: () => previewNudge(services.store),
  openToday: () => void openToday(),
  // Set when the extension is built (WXT), so each browser's build names its own way to pin the button.
  firefox: import.meta.env.FIREFOX,
};

render(
  <ServicesContext.Provider value={services}>
    <App actions={actions} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
