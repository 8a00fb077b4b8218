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
