import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext } from '../../platform/services';
import { notificationsBlocked, previewNudge } from '../../nudges/nudges-browser';
import { localiseDocument } from '../../platform/i18n-browser';
import { createServices, downloadText } from '../../app/services-browser';
import { loadTracks } from '../../tracks/tracks-browser';
import { askWorker, createUiServices } from '../../app/ui-services-browser';
import { App } from './App';
import { type OptionsActions } from '../../platform/settings-section';
import './options.css';

const services = createServices(createUiServices());
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
  loadTracks,
  sync: { now: () => askWorker('sync-now'), clear: () => askWorker('sync-clear').then(() => {}), firefox: import.meta.env.FIREFOX },
};

render(
  <ServicesContext.Provider value={services}>
    <App actions={actions} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
