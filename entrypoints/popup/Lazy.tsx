/**
 * Parts of the popup that most openings never show — the check-in cards (see AfterPaint.tsx), the
 * "cannot open its data" notice — load only when they are needed, with the data layer they work on
 * (`full`), so the usual opening stays small and quick.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ServicesContext, useUiServices, type Services } from '../../platform/services';

export function useLoaded<P>(needed: boolean, load: () => Promise<ComponentType<P>>): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (needed && !component) void load().then((c) => setComponent(() => c));
  }, [needed]);
  return component;
}

/** Draws its children with the data layer (the store) at hand, once that has loaded. */
export function WithStore({ children }: { children: () => ComponentChildren }) {
  const ui = useUiServices();
  const [services, setServices] = useState<Services | null>(null);
  useEffect(() => void ui.full().then(setServices), [ui]);
  return services ? <ServicesContext.Provider value={services}>{children()}</ServicesContext.Provider> : null;
}

/** Why the data cannot be opened, with the ways out. */
export function LazyDbTrouble({ error }: { error: unknown }) {
  const Trouble = useLoaded(true, () => import('../../ui/DbTrouble').then((m) => m.DbTrouble));
  return Trouble ? <WithStore>{() => <Trouble error={error} />}</WithStore> : <p class="muted" aria-busy="true" />;
}
