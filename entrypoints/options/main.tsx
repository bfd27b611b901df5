import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../platform/services';
import { notificationsBlocked, previewNudge } from '../../nudges/nudges-browser';
import { localiseDocument } from '../../platform/i18n-browser';
import { createServices, downloadText } from '../../app/services-browser';
import { App, type OptionsActions } from './App';
import './options.css';

const services = createServices();
localiseDocument(document, 'optionsTitle');

const actions: OptionsActions = {
  previewNudge: () => previewNudge(services.store),
  // Chrome can tell up front; Firefox only when a nudge could not be shown.
  notificationsBlocked: async () =>
    (await notificationsBlocked()) || (await services.store.readNudgeState()).blockedAt !== null,
  async shortcut() {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action')?.shortcut ?? '';
  },
  download: downloadText,
};

render(
  <ServicesContext.Provider value={services}>
    <App actions={actions} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
