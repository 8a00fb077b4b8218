// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { UiModel } from './models/ui.model';
import { followVisualViewport, syncLauncher } from './page-effects';

class FakeVisualViewport extends EventTarget {
  height = 844;
  offsetTop = 0;
}

describe('page effects', () => {
  it('pins the phone panel to the visual viewport while open, and lets go when closed', () => {
    const viewport = new FakeVisualViewport();
    const win = { visualViewport: viewport } as unknown as Window;
    const host = document.createElement('div');
    const ui = new UiModel(['en']);
    ui.setPhone(true);
    followVisualViewport(win, host, ui);
    expect(host.style.getPropertyValue('--closer-vv-height')).toBe('');
    ui.open();
    expect(host.style.getPropertyValue('--closer-vv-height')).toBe('844px');
    // The keyboard opens: the visual viewport shrinks and scrolls.
    viewport.height = 500;
    viewport.offsetTop = 120;
    viewport.dispatchEvent(new Event('resize'));
    viewport.dispatchEvent(new Event('scroll'));
    expect(host.style.getPropertyValue('--closer-vv-height')).toBe('500px');
    expect(host.style.getPropertyValue('--closer-vv-top')).toBe('120px');
    ui.close();
    expect(host.style.getPropertyValue('--closer-vv-height')).toBe('');
    viewport.height = 300;
    viewport.dispatchEvent(new Event('resize'));
    expect(host.style.getPropertyValue('--closer-vv-height')).toBe('');
  });

  it('keeps the launcher’s state, label and unread badge in step', () => {
    const host = document.createElement('div');
    const launcher = document.createElement('button');
    const ui = new UiModel(['en']);
    syncLauncher({ host, launcher }, ui);
    ui.countUnread();
    ui.countUnread();
    expect(launcher.getAttribute('aria-label')).toBe('Open chat (2 new)');
    expect(launcher.querySelector('.badge')?.textContent).toBe('2');
    ui.open();
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(launcher.getAttribute('aria-label')).toBe('Open chat');
    expect(host.hasAttribute('data-open')).toBe(true);
  });
});
