import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../components/services';
import { previewNudge } from '../../utils/nudges-browser';
import { createServices, localiseDocument } from '../../utils/services-browser';
import { App, type WelcomeActions } from './App';
import './welcome.css';

const services = createServices();
localiseDocument(document, 'welcomeTitle');

const actions: WelcomeActions = {
  previewNudge: () => previewNudge(services.store),
  // Settings in a tab of their own: the welcome stays open with its "ready" line.
  openSettings: (hash = '') => void browser.tabs.create({ url: browser.runtime.getURL('/options.html') + hash }),
  firefox: import.meta.env.FIREFOX,
};

render(
  <ServicesContext.Provider value={services}>
    <App actions={actions} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
