import { describe, expect, it, vi } from 'vitest';
import type { MountedApp } from '../shared/widget-contract';
import { createPublicApi } from './public-api';

function fakeApp() {
  const calls: unknown[][] = [];
  const app: MountedApp = {
    open: () => calls.push(['open']),
    close: () => calls.push(['close']),
    toggle: () => calls.push(['toggle']),
    identify: (identity) => calls.push(['identify', identity]),
    setLocale: (locale) => calls.push(['setLocale', locale]),
  };
  return { app, calls };
}

describe('window.Closer', () => {
  it('rejects an invalid email with a TypeError that says what is wrong', () => {
    const { api } = createPublicApi(() => Promise.resolve(fakeApp().app));
    expect(() => api.identify({ email: 'nope' })).toThrow(TypeError);
    expect(() => api.identify({ email: 'nope' })).toThrow('Closer.identify(): email must be a valid email address');
    expect(() => api.identify(undefined)).toThrow(TypeError);
    expect(() => api.identify({ email: 'ana@example.com', name: 42 })).toThrow(
      'Closer.identify(): name must be a string',
    );
  });

  it('rejects unknown event names and non-function listeners', () => {
    const { api } = createPublicApi(() => Promise.resolve(fakeApp().app));
    expect(() => api.on('add-to-cart', () => {})).toThrow(TypeError);
    expect(() => api.on('add-to-cart', () => {})).toThrow(
      'Closer.on(): unknown event "add-to-cart"; use one of add_to_cart,open,close,message',
    );
    expect(() => api.on('open', 'not a function')).toThrow('Closer.on(): the listener must be a function');
    expect(() => api.setLocale('')).toThrow(TypeError);
  });

  it('queues calls made before the app loaded and replays them in order', async () => {
    const { app, calls } = fakeApp();
    let resolve: (app: MountedApp) => void = () => {};
    const loaded = new Promise<MountedApp>((done) => {
      resolve = done;
    });
    const { api } = createPublicApi(() => loaded);
    api.identify({ email: ' Ana@Example.com ', name: 'Ana' });
    api.setLocale('de-CH');
    api.open();
    api.close();
    expect(calls).toEqual([]);
    resolve(app);
    await loaded;
    await new Promise((settle) => setTimeout(settle));
    expect(calls).toEqual([
      ['identify', { email: 'Ana@Example.com', name: 'Ana' }],
      ['setLocale', 'de-CH'],
      ['open'],
      ['close'],
    ]);
  });

  it('registers and removes listeners per event', () => {
    const { api, listeners } = createPublicApi(() => Promise.resolve(fakeApp().app));
    const onCart = vi.fn();
    const off = api.on('add_to_cart', onCart);
    api.on('open', () => {});
    expect(listeners('add_to_cart')).toEqual([onCart]);
    off();
    expect(listeners('add_to_cart')).toEqual([]);
    expect(listeners('open')).toHaveLength(1);
  });

  it('reports a failed app load without throwing at the caller', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api } = createPublicApi(() => Promise.reject(new Error('offline')));
    expect(() => api.open()).not.toThrow();
    await new Promise((settle) => setTimeout(settle));
    expect(error).toHaveBeenCalledWith('[Closer]', expect.any(Error));
    error.mockRestore();
  });
});
