/**
 * The popup's data stage: the store, the library and the picker, loaded by main.tsx while the first
 * frame (the idea of the last visit today, from the render cache) is already on screen.
 */
import { render } from 'preact';
import { ServicesContext, useServices } from '../../components/services';
import type { Idea } from '../../utils/library';
import { createServices } from '../../utils/services-browser';
import { App } from './App';
import { preloadPopup, usePopup } from './usePopup';

interface PopupProps {
  openOptions: () => void;
  /** The idea the render cache holds, shown until the stored one is read. */
  cachedIdea?: Idea | null;
}

/** The popup with its data: usePopup reads and writes, App shows. */
export function PopupApp(props: PopupProps) {
  return <App popup={usePopup(useServices())} {...props} />;
}

/** Starts reading at once, then draws the popup with its data over the first frame. */
export function startPopup(root: HTMLElement, props: PopupProps): void {
  const services = createServices();
  preloadPopup(services);
  render(
    <ServicesContext.Provider value={services}>
      <PopupApp {...props} />
    </ServicesContext.Provider>,
    root,
  );
}
