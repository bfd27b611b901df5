import { render } from 'preact';
import { ServicesContext } from '../../platform/services';
import { previewNudge } from '../../nudges/nudges-browser';
import { localiseDocument } from '../../platform/i18n-browser';
import { createServices } from '../../app/services-browser';
import { createUiServices } from '../../app/ui-services-browser';
import { App, type WelcomeActions } from './App';
import './welcome.css';

const services = createServices(createUiServices());
localiseDocument(document, 'welcomeTitle');

const actions: WelcomeActions = {
  previewNudge: () => previewNudge(services.store),
  firefox: import.meta.env.FIREFOX,
};

render(
  <ServicesContext.Provider value={services}>
    <App actions={actions} />
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
