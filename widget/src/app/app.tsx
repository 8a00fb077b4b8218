import { render } from 'preact';
import { io } from 'socket.io-client';
import { preferredLanguages } from '../shared/locale-preference';
import type { LoaderHandoff, MountedApp } from '../shared/widget-contract';
import { AppContext, type AppServices } from './components/app-context';
import { WidgetRoot } from './components/widget-root';
import { loadLanguages, whenStringsReady } from './i18n/language-loading';
import { importLocaleBeside } from './i18n/translate';
import { ConversationModel } from './models/conversation.model';
import { SessionModel } from './models/session.model';
import { UiModel } from './models/ui.model';
import { accentFor, followVisualViewport, syncLauncher, watchPhoneLayout } from './page-effects';
import { panelCss } from './styles/panel.css';
import type { SocketFactory } from './transport/socket-types';
import { createVisitorTokenStore } from './transport/visitor-token.store';
import { createWidgetConnection } from './transport/widget-connection';
import { createWidgetController } from './widget-controller';

/**
 * The app's entry, called once by the loader with what it set up. Wires the
 * models, the connection and the controller, renders into the loader's shadow
 * root and answers the JS API. It connects only once the chat is opened, or at
 * once for a shopper who chatted before (their token is stored).
 */
export function mount(handoff: LoaderHandoff): MountedApp {
  const win = window;
  const pageUrl = () => win.location.href;
  const ui = new UiModel(preferredLanguages([handoff.locale], win.document, win.navigator));
  const session = new SessionModel();
  const conversation = new ConversationModel();
  const tokens = createVisitorTokenStore(handoff.key, () => win.localStorage);
  const connection = createWidgetConnection({
    origin: handoff.origin,
    key: handoff.key,
    customerToken: handoff.customerToken,
    tokens,
    conversation,
    session,
    // Path only: query strings can carry personal data (emails in links, tokens).
    describePage: () => ({
      locale: ui.localeTag.value,
      pageUrl: `${win.location.origin}${win.location.pathname}`.slice(0, 2048),
    }),
    createSocket: io as unknown as SocketFactory,
    onIncoming: (message, source) => controller.receive(message, source),
    offline: handoff.preview,
  });
  const controller = createWidgetController({ handoff, ui, session, conversation, tokens, connection, win });

  const sheet = new CSSStyleSheet();
  sheet.replaceSync(panelCss);
  handoff.root.adoptedStyleSheets = [...handoff.root.adoptedStyleSheets, sheet];
  const container = win.document.createElement('div');
  handoff.root.append(container);
  const services: AppServices = { ui, session, conversation, controller, pageUrl, serverOrigin: handoff.origin };
  render(
    <AppContext.Provider value={services}>
      <WidgetRoot />
    </AppContext.Provider>,
    container,
  );
  loadLanguages(ui, importLocaleBeside(import.meta.url));
  syncLauncher(handoff, ui);
  watchPhoneLayout(win, ui);
  followVisualViewport(win, handoff.host, ui);

  const configured = handoff.config.then((config) => {
    ui.configure(config);
    handoff.host.style.setProperty('--closer-accent', accentFor(config.branding.primaryColor));
    if (tokens.wasStored) connection.connect();
  });
  // The panel opens in the shopper's language, not in English for a moment.
  const ready = Promise.all([configured, whenStringsReady(ui)]);
  const afterConfig = (run: () => void) => void ready.then(run, () => {});
  return {
    open: () => afterConfig(controller.open),
    close: controller.close,
    toggle: () => afterConfig(controller.toggle),
    identify: controller.identify,
    setLocale: controller.setLocale,
  };
}
