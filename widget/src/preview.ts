import { startLoader } from './loader/start-loader';
import type { WidgetConfig } from './shared/widget-contract';

/**
 * The admin's live preview (`/widget/preview`, framed by the assistant page):
 * the real loader and app, shown with the settings the merchant is editing,
 * before they are saved. Each change re-mounts the widget, so the loader's own
 * code applies colour, corner and label exactly as on a store. It takes
 * settings only from the page that framed it, and only on Closer's own origin.
 */
const script = document.currentScript as HTMLScriptElement | null;
const ownOrigin = location.origin;

if (script && new URL(script.src).origin === ownOrigin && location.pathname === '/widget/preview') {
  // The old widget stays until the new one is drawn (or opened), so an edit does not flash.
  const retireOlder = () =>
    requestAnimationFrame(() => {
      const hosts = [...document.querySelectorAll('closer-chat')];
      for (const host of hosts.slice(0, -1)) host.remove();
    });

  const show = (config: WidgetConfig, open: boolean) => {
    Reflect.deleteProperty(window, 'Closer');
    startLoader(window, (url) => import(/* @vite-ignore */ url), { script, config });
    const api = (window as { Closer?: { open(): void; on(name: string, listener: () => void): void } }).Closer;
    if (open && api) {
      api.on('open', retireOlder);
      api.open();
    } else {
      retireOlder();
    }
  };

  addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== ownOrigin || event.source !== parent) return;
    const data = event.data as { type?: unknown; config?: unknown; open?: unknown } | null;
    if (data?.type !== 'closer:preview' || !isWidgetConfig(data.config)) return;
    show(data.config, data.open !== false);
  });
  parent.postMessage({ type: 'closer:preview-ready' }, ownOrigin);
}

function isWidgetConfig(value: unknown): value is WidgetConfig {
  const config = value as Partial<WidgetConfig> | null;
  return (
    typeof config?.workspaceName === 'string' &&
    typeof config.assistant?.name === 'string' &&
    Array.isArray(config.assistant.quickReplies) &&
    typeof config.branding?.primaryColor === 'string'
  );
}
