import { parseHexColor, textColorOn } from '../shared/color';
import type { AppModule, MountedApp, WidgetConfig } from '../shared/widget-contract';
import { drawLauncher } from './launcher';
import { createPublicApi } from './public-api';
import { findLoaderScript, readScriptContext, withScriptOverrides } from './script-context';

type ImportModule = (url: string) => Promise<AppModule>;

/** Only the admin's preview page (widget/src/preview.ts) passes this: settings not yet saved, and no server. */
export interface PreviewOverride {
  script: HTMLScriptElement;
  config: WidgetConfig;
}

/**
 * Everything the loader does: expose `window.Closer`, fetch the config (so the
 * launcher has the brand's colour and corner from its first frame, and a
 * revoked key shows nothing), and import the app on the first touch of the
 * launcher or once the page is idle. No cookie, no storage: the app writes
 * its token only once the chat is opened.
 */
export function startLoader(
  win: Window & typeof globalThis,
  importModule: ImportModule,
  preview?: PreviewOverride,
): void {
  const doc = win.document;
  const context = readScriptContext(preview?.script ?? findLoaderScript(doc), win.location.href);
  if (!context || 'Closer' in win || !('adoptedStyleSheets' in doc)) return;

  const config: Promise<WidgetConfig> = preview
    ? Promise.resolve(preview.config)
    : fetch(context.configUrl, { cache: 'no-cache', credentials: 'omit' })
        .then((response) => (response.ok ? response.json() : Promise.reject(Error(`config: HTTP ${response.status}`))))
        .then((loaded: WidgetConfig) => withScriptOverrides(loaded, context));
  config.catch(() => {}); // Handled once the launcher exists; this keeps an early failure from looking unhandled.
  const drawn = new Promise((ready) => (doc.body ? ready(0) : doc.addEventListener('DOMContentLoaded', ready))).then(
    // English until the app (loaded on the first touch or when idle) relabels it in the shopper's language.
    () => drawLauncher(doc, 'Open chat'),
  );

  let app: Promise<MountedApp> | undefined;
  const loadApp = (): Promise<MountedApp> => {
    app ??= drawn
      .then((parts) =>
        importModule(context.appUrl).then((module) =>
          module.mount({ ...context, ...parts, config, listeners, preview: !!preview }),
        ),
      )
      .catch((error) => {
        app = undefined; // The next touch tries again.
        throw error;
      });
    return app;
  };
  const { api, withApp, listeners } = createPublicApi(loadApp);
  (win as { Closer?: unknown }).Closer = api;
  win.dispatchEvent(new Event('closer:ready'));

  drawn.then(({ host, launcher }) => {
    config.then(
      ({ branding }) => {
        const rgb = parseHexColor(branding?.primaryColor);
        if (rgb) {
          host.style.setProperty('--closer-primary', `rgb(${rgb})`);
          host.style.setProperty('--closer-on-primary', textColorOn(rgb));
        }
        host.dataset.position = context.position ?? branding?.position;
        const label = branding?.launcherLabel;
        if (label) {
          launcher.append(label);
          launcher.setAttribute('aria-label', label);
          host.dataset.label = '';
        }
        host.hidden = false;
      },
      (error) => {
        console.warn('[Closer]', error.message);
        host.remove();
      },
    );
    const preload = () => withApp(() => {});
    launcher.addEventListener('pointerenter', preload, { once: true });
    launcher.addEventListener('focus', preload, { once: true });
    launcher.addEventListener('click', () => withApp((mounted) => mounted.toggle()));
    const whenIdle = () =>
      win.requestIdleCallback ? win.requestIdleCallback(preload, { timeout: 5000 }) : setTimeout(preload, 3000);
    doc.readyState === 'complete' ? whenIdle() : win.addEventListener('load', whenIdle, { once: true });
  });
}
