import { launcherCss } from './launcher.css';

export interface LauncherParts {
  host: HTMLElement;
  root: ShadowRoot;
  launcher: HTMLButtonElement;
}

const svgNs = 'http://www.w3.org/2000/svg';

function create<T extends Element>(element: T, attributes: Record<string, string>): T {
  for (const name in attributes) element.setAttribute(name, attributes[name] as string);
  return element;
}

/** `<closer-chat>` with a shadow root, styled by a constructable stylesheet (no inline CSS for a CSP to block). */
export function drawLauncher(doc: Document, label: string): LauncherParts {
  customElements.get('closer-chat') || customElements.define('closer-chat', class extends HTMLElement {});
  const host = create(doc.createElement('closer-chat'), { hidden: '' });
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(launcherCss);
  root.adoptedStyleSheets = [sheet];
  const launcher = create(doc.createElement('button'), {
    type: 'button',
    class: 'launcher',
    'aria-label': label,
    'aria-haspopup': 'dialog',
    'aria-expanded': 'false',
  });
  const icon = create(doc.createElementNS(svgNs, 'svg'), { viewBox: '0 0 24 24', 'aria-hidden': 'true' });
  icon.append(
    create(doc.createElementNS(svgNs, 'path'), {
      d: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
    }),
  );
  launcher.append(icon);
  root.append(launcher);
  doc.body.append(host);
  return { host, root, launcher };
}
