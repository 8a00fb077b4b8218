import { assertEventName, assertIdentity, assertListener, assertLocale } from '../shared/public-api-validation';
import type { Listener, MountedApp, PublicEventName } from '../shared/widget-contract';

export interface PublicApi {
  open(): void;
  close(): void;
  identify(identity: unknown): void;
  setLocale(locale: unknown): void;
  /** Returns a function that removes the listener. */
  on(name: unknown, listener: unknown): () => void;
}

/**
 * `window.Closer`, usable the moment the loader ran: input is validated at once
 * (so mistakes throw at the call site), then each call waits for the app, in
 * call order, since they all chain on the one promise of the loaded app.
 */
export function createPublicApi(loadApp: () => Promise<MountedApp>) {
  const registry = new Map<PublicEventName, Set<Listener>>();
  const withApp = (run: (app: MountedApp) => void) => {
    loadApp()
      .then(run)
      .catch((error) => console.error('[Closer]', error));
  };
  const api: PublicApi = {
    open: () => withApp((app) => app.open()),
    close: () => withApp((app) => app.close()),
    identify(identity) {
      const valid = assertIdentity(identity);
      withApp((app) => app.identify(valid));
    },
    setLocale(locale) {
      const valid = assertLocale(locale);
      withApp((app) => app.setLocale(valid));
    },
    on(name, listener) {
      const event = assertEventName(name);
      assertListener(listener);
      const set = registry.get(event) ?? new Set();
      registry.set(event, set.add(listener));
      return () => void set.delete(listener);
    },
  };
  return { api, withApp, listeners: (name: PublicEventName) => [...(registry.get(name) ?? [])] };
}
