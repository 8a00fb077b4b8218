// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppModule, LoaderHandoff, MountedApp, WidgetConfig } from '../shared/widget-contract';
import { startLoader } from './start-loader';

const config: WidgetConfig = {
  workspaceName: 'Demo Outfitters',
  locale: 'en',
  currency: 'USD',
  platform: 'custom',
  assistant: { name: 'Ava', avatarUrl: null, greeting: 'Hi!', quickReplies: [] },
  branding: { primaryColor: '#ffd400', position: 'bottom-left' },
};

function addScript(attributes: Record<string, string>) {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.body.append(script);
}

const flush = () => new Promise((settle) => setTimeout(settle, 0));

describe('startLoader', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    document.body.innerHTML = '';
    Reflect.deleteProperty(window, 'Closer');
    localStorage.clear();
    fetchMock = vi.fn(async () => new Response(JSON.stringify(config), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('draws a branded launcher, exposes window.Closer, and writes no cookie or storage', async () => {
    addScript({ src: 'https://closer.example/widget/loader.js?v=7', 'data-key': 'pk_test_12345678' });
    const importModule = vi.fn<(url: string) => Promise<AppModule>>();
    startLoader(window, importModule);
    expect(typeof (window as { Closer?: unknown }).Closer).toBe('object');
    await flush();
    expect(fetchMock).toHaveBeenCalledWith('https://closer.example/widget/config?key=pk_test_12345678', {
      cache: 'no-cache',
      credentials: 'omit',
    });
    const host = document.querySelector('closer-chat') as HTMLElement;
    const launcher = host.shadowRoot?.querySelector('button') as HTMLButtonElement;
    expect(host.hidden).toBe(false);
    expect(host.dataset.position).toBe('bottom-left');
    // A yellow brand gets black text: white on #ffd400 would be 1.5:1.
    expect(host.style.getPropertyValue('--closer-on-primary')).toBe('#000');
    expect(launcher.getAttribute('aria-label')).toBe('Open chat');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(host.shadowRoot?.querySelector('style')).toBeNull();
    expect(document.cookie).toBe('');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(importModule).not.toHaveBeenCalled();
  });

  it('imports app.js beside the loader on the first touch, and hands it what it needs', async () => {
    addScript({
      src: 'https://closer.example/widget/loader.js?v=7',
      'data-key': 'pk_test_12345678',
      'data-locale': 'fr',
    });
    const app: MountedApp = { open: vi.fn(), close: vi.fn(), toggle: vi.fn(), identify: vi.fn(), setLocale: vi.fn() };
    let handoff: LoaderHandoff | undefined;
    const importModule = vi.fn(async () => ({
      mount: (given: LoaderHandoff) => {
        handoff = given;
        return app;
      },
    }));
    startLoader(window, importModule);
    await flush();
    const launcher = document.querySelector('closer-chat')?.shadowRoot?.querySelector('button') as HTMLButtonElement;
    launcher.dispatchEvent(new Event('focus'));
    launcher.click();
    await flush();
    expect(importModule).toHaveBeenCalledTimes(1);
    expect(importModule).toHaveBeenCalledWith('https://closer.example/widget/app.js?v=7');
    expect(handoff).toMatchObject({
      key: 'pk_test_12345678',
      origin: 'https://closer.example',
      locale: 'fr',
      position: null,
    });
    expect(app.toggle).toHaveBeenCalledTimes(1);
  });

  it('removes the launcher when the key is refused', async () => {
    fetchMock.mockResolvedValue(new Response('{"error":"unknown key"}', { status: 404 }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    addScript({ src: 'https://closer.example/widget/loader.js', 'data-key': 'pk_revoked_123456' });
    startLoader(window, vi.fn());
    await flush();
    expect(document.querySelector('closer-chat')).toBeNull();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('shows the launcher label beside the icon and names the button with it', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ ...config, branding: { ...config.branding, launcherLabel: 'Ask Ava' } })),
    );
    addScript({ src: 'https://closer.example/widget/loader.js', 'data-key': 'pk_test_12345678' });
    startLoader(window, vi.fn());
    await flush();
    const host = document.querySelector('closer-chat') as HTMLElement;
    const launcher = host.shadowRoot?.querySelector('button') as HTMLButtonElement;
    expect(launcher.textContent).toBe('Ask Ava');
    expect(launcher.getAttribute('aria-label')).toBe('Ask Ava');
    expect(host.hasAttribute('data-label')).toBe(true);
  });

  it('takes a preview’s settings instead of fetching them, and tells the app it is a preview', async () => {
    const script = document.createElement('script');
    script.src = 'https://closer.example/widget/preview.js';
    script.dataset.key = 'pk_preview_unsaved';
    let handoff: LoaderHandoff | undefined;
    const app: MountedApp = { open: vi.fn(), close: vi.fn(), toggle: vi.fn(), identify: vi.fn(), setLocale: vi.fn() };
    const importModule = vi.fn(async () => ({
      mount: (given: LoaderHandoff) => {
        handoff = given;
        return app;
      },
    }));
    const draft = { ...config, branding: { primaryColor: '#000000', position: 'bottom-right' as const } };
    startLoader(window, importModule, { script, config: draft });
    (window as unknown as { Closer: { open(): void } }).Closer.open();
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(importModule).toHaveBeenCalledWith('https://closer.example/widget/app.js');
    expect(handoff?.preview).toBe(true);
    await expect(handoff?.config).resolves.toEqual(draft);
    expect((document.querySelector('closer-chat') as HTMLElement).dataset.position).toBe('bottom-right');
  });

  it('is no preview when started by the loader script', async () => {
    addScript({ src: 'https://closer.example/widget/loader.js', 'data-key': 'pk_test_12345678' });
    let handoff: LoaderHandoff | undefined;
    const app: MountedApp = { open: vi.fn(), close: vi.fn(), toggle: vi.fn(), identify: vi.fn(), setLocale: vi.fn() };
    startLoader(window, async () => ({
      mount: (given: LoaderHandoff) => {
        handoff = given;
        return app;
      },
    }));
    (window as unknown as { Closer: { open(): void } }).Closer.open();
    await flush();
    expect(handoff?.preview).toBe(false);
  });

  it("takes Shopify's app embed attributes: the theme editor's colour, corner and greeting, and the customer token", async () => {
    addScript({
      src: 'https://closer.example/widget/loader.js',
      'data-key': 'pk_test_12345678',
      'data-position': 'bottom-right',
      'data-color': '#0a7d33',
      'data-greeting': '  Welcome back to the shop!  ',
      'data-customer-token': 'c1.payload.signature',
    });
    let handoff: LoaderHandoff | undefined;
    const app: MountedApp = { open: vi.fn(), close: vi.fn(), toggle: vi.fn(), identify: vi.fn(), setLocale: vi.fn() };
    startLoader(window, async () => ({
      mount: (given: LoaderHandoff) => {
        handoff = given;
        return app;
      },
    }));
    (window as unknown as { Closer: { open(): void } }).Closer.open();
    await flush();
    const host = document.querySelector('closer-chat') as HTMLElement;
    expect(host.dataset.position).toBe('bottom-right');
    expect(host.style.getPropertyValue('--closer-primary')).toBe('rgb(10,125,51)');
    expect(handoff?.customerToken).toBe('c1.payload.signature');
    const shown = await handoff?.config;
    expect(shown?.branding.primaryColor).toBe('#0a7d33');
    expect(shown?.assistant.greeting).toBe('Welcome back to the shop!');
    expect(shown?.assistant.name).toBe('Ava');
  });

  it('ignores a colour that is not a hex colour, and has no customer token by default', async () => {
    addScript({
      src: 'https://closer.example/widget/loader.js',
      'data-key': 'pk_test_12345678',
      'data-color': 'red;x',
    });
    let handoff: LoaderHandoff | undefined;
    const app: MountedApp = { open: vi.fn(), close: vi.fn(), toggle: vi.fn(), identify: vi.fn(), setLocale: vi.fn() };
    startLoader(window, async () => ({
      mount: (given: LoaderHandoff) => {
        handoff = given;
        return app;
      },
    }));
    (window as unknown as { Closer: { open(): void } }).Closer.open();
    await flush();
    expect(handoff?.customerToken).toBeNull();
    await expect(handoff?.config).resolves.toEqual(config);
  });

  it('does nothing without a key, or when loaded twice', () => {
    addScript({ src: 'https://closer.example/widget/loader.js' });
    startLoader(window, vi.fn());
    expect('Closer' in window).toBe(false);
    document.body.innerHTML = '';
    addScript({ src: 'https://closer.example/widget/loader.js', 'data-key': 'pk_test_12345678' });
    startLoader(window, vi.fn());
    const first = (window as { Closer?: unknown }).Closer;
    startLoader(window, vi.fn());
    expect((window as { Closer?: unknown }).Closer).toBe(first);
  });
});
