import { effect } from '@preact/signals';
import { contrastRatio, parseHexColor, relativeLuminance } from '../shared/color';
import type { LoaderHandoff } from '../shared/widget-contract';
import type { UiModel } from './models/ui.model';

/**
 * The parts of the widget that live outside Preact's tree: the loader's
 * launcher and host element, the phone layout and the visual viewport. Each
 * returns its cleanup.
 */

/** Launcher state and label in the shopper's language, and the host flag that hides it under a full-screen panel. */
export function syncLauncher({ host, launcher }: Pick<LoaderHandoff, 'host' | 'launcher'>, ui: UiModel) {
  const badge = launcher.ownerDocument.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('aria-hidden', 'true');
  launcher.append(badge);
  return effect(() => {
    const unread = ui.unread.value;
    const t = ui.t.value;
    // A visible launcher label is its name too: what people see is what they can say (WCAG 2.5.3).
    const name = ui.config.value?.branding.launcherLabel || t('open');
    launcher.setAttribute('aria-expanded', String(ui.isOpen.value));
    launcher.setAttribute('aria-label', unread ? `${name} (${t('unread', { n: unread })})` : name);
    badge.textContent = unread ? String(unread) : '';
    host.toggleAttribute('data-open', ui.isOpen.value);
  });
}

/**
 * An accent for links and focus rings on the white panel: the brand colour,
 * darkened until it reaches 4.5:1 against the lightest grey it sits on.
 */
export function accentFor(primary: string): string {
  let rgb = parseHexColor(primary) ?? [31, 78, 121];
  const surface = relativeLuminance([241, 243, 245]);
  while (contrastRatio(relativeLuminance(rgb), surface) < 4.5) rgb = rgb.map((channel) => Math.floor(channel * 0.9));
  return `rgb(${rgb})`;
}

export function watchPhoneLayout(win: Window, ui: UiModel) {
  const query = win.matchMedia('(max-width: 639.98px)');
  const update = () => ui.setPhone(query.matches);
  update();
  query.addEventListener('change', update);
  return () => query.removeEventListener('change', update);
}

/** On phones the panel tracks the visual viewport, so the composer stays above the on-screen keyboard. */
export function followVisualViewport(win: Window, host: HTMLElement, ui: UiModel) {
  return effect(() => {
    const viewport = win.visualViewport;
    if (!viewport || !ui.isOpen.value || !ui.isPhone.value) return;
    const update = () => {
      host.style.setProperty('--closer-vv-height', `${viewport.height}px`);
      host.style.setProperty('--closer-vv-top', `${viewport.offsetTop}px`);
    };
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
      host.style.removeProperty('--closer-vv-height');
      host.style.removeProperty('--closer-vv-top');
    };
  });
}
