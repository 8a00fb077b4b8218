/**
 * What the loader (dist/loader.js) and the lazily loaded app (dist/app.js) agree
 * on. The loader owns the page-facing parts (script attributes, `window.Closer`,
 * the launcher); the app's `mount()` receives them here instead of through
 * window globals.
 */

import type { WidgetConfig } from '../../../server/src/modules/conversations/widget-protocol';

export type { WidgetConfig } from '../../../server/src/modules/conversations/widget-protocol';
export type Position = WidgetConfig['branding']['position'];

export type PublicEventName = 'add_to_cart' | 'open' | 'close' | 'message';

export interface Identity {
  email: string;
  name?: string;
}

export type Listener = (detail: unknown) => unknown;

export interface LoaderHandoff {
  key: string;
  /** Origin of the Closer server (taken from the loader's own src). */
  origin: string;
  /** `data-locale` and `data-position` of the script tag, when given. */
  locale: string | null;
  position: Position | null;
  /** `data-customer-token` (Shopify's app embed): proves the signed-in customer on the socket. */
  customerToken: string | null;
  host: HTMLElement;
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  config: Promise<WidgetConfig>;
  /** The JS API listeners registered with `Closer.on(name, fn)`. */
  listeners(name: PublicEventName): Listener[];
  /** The admin's live preview: show the given settings, never connect or store anything. */
  preview?: boolean;
}

export interface MountedApp {
  open(): void;
  close(): void;
  toggle(): void;
  identify(identity: Identity): void;
  setLocale(locale: string): void;
}

export type AppModule = { mount(handoff: LoaderHandoff): MountedApp };
