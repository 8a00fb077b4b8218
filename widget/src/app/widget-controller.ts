import type { Identity, LoaderHandoff, PublicEventName } from '../shared/widget-contract';
import { limits } from './limits';
import { markdownToText } from './markdown/parse-markdown';
import { safeUrl } from './markdown/render-markdown';
import type { ChatMessage } from './models/chat-message';
import type { ConversationModel } from './models/conversation.model';
import type { SessionModel } from './models/session.model';
import type { UiModel } from './models/ui.model';
import type { ClientAction, ProductCard } from './protocol';
import { addToCart, type CartOutcome, type CartRequest } from './transport/cart';
import { createClientId } from './transport/client-id';
import type { VisitorTokenStore } from './transport/visitor-token.store';
import type { WidgetConnection } from './transport/widget-connection';

export interface ControllerDeps {
  handoff: Pick<LoaderHandoff, 'root' | 'launcher' | 'listeners'>;
  ui: UiModel;
  session: SessionModel;
  conversation: ConversationModel;
  tokens: VisitorTokenStore;
  connection: WidgetConnection;
  win: Window;
}

export type WidgetController = ReturnType<typeof createWidgetController>;

/** The use cases that span models, transport and the page: what buttons and the JS API call. */
export function createWidgetController({
  handoff,
  ui,
  session,
  conversation,
  tokens,
  connection,
  win,
}: ControllerDeps) {
  const emit = (name: PublicEventName, detail?: unknown) => {
    for (const listener of handoff.listeners(name)) {
      try {
        listener(detail);
      } catch (error) {
        console.error(`[Closer] "${name}" listener failed`, error);
      }
    }
  };

  async function runCart(request: CartRequest): Promise<CartOutcome> {
    const listeners = handoff.listeners('add_to_cart');
    const outcome = await addToCart(request, { win, conversationId: conversation.conversationId.value, listeners });
    if (outcome === 'added') {
      connection.reportCartAdded({
        productId: request.productId,
        variantId: request.variantId,
        quantity: request.quantity,
      });
      ui.announce(ui.t.value('added'));
    }
    return outcome;
  }

  const findProduct = (productId: string): ProductCard | undefined =>
    [...conversation.earlier.value, ...conversation.messages.value]
      .flatMap((message) => message.products)
      .find((product) => product.id === productId);

  function act(action: ClientAction, live: boolean) {
    if (action.type === 'lead_form') session.showLeadForm(action.reason);
    // A cart action is only carried out as it happens, never replayed from a catch-up after a reconnect.
    else if (action.type === 'add_to_cart' && live) {
      const { productId, variantId, externalVariantId, quantity } = action;
      const url = safeUrl(findProduct(productId)?.url, win.location.href);
      void runCart({ productId, variantId, externalVariantId, quantity, url });
    }
  }

  const controller = {
    open() {
      if (ui.isOpen.value) return;
      ui.open();
      tokens.allowPersisting();
      connection.connect();
      emit('open');
    },
    close() {
      if (!ui.isOpen.value) return;
      const focusWasInside = handoff.root.activeElement !== null;
      ui.close();
      if (focusWasInside) handoff.launcher.focus();
      emit('close');
    },
    toggle() {
      ui.isOpen.value ? controller.close() : controller.open();
    },
    identify(identity: Identity) {
      session.identify({ ...identity, clientId: createClientId() });
      void connection.sendIdentity();
    },
    setLocale(tag: string) {
      ui.setLocale(tag);
    },
    send(raw: string): boolean {
      const text = raw.trim();
      if (!text) return false;
      if (text.length > limits.messageLength) {
        session.showNotice({ code: 'message_too_long' });
        return false;
      }
      conversation.addOutgoing(createClientId(), text);
      ui.setDraft('');
      connection.connect();
      void connection.flush();
      return true;
    },
    retry(clientId: string) {
      conversation.retry(clientId);
      void connection.flush();
    },
    async askForPerson() {
      const status = await connection.requestHandoff();
      if (status === 'ai') session.showLeadForm('nobody_available');
    },
    async submitLead(lead: Identity) {
      session.setLead('sending');
      session.setLead((await connection.captureLead(lead)) ? 'done' : 'failed');
    },
    rate(stars: number) {
      session.rate(stars);
      void connection.rate(stars);
    },
    addProductToCart(product: ProductCard, variant: ProductCard['variants'][number]): Promise<CartOutcome> {
      const url = safeUrl(product.url, win.location.href);
      return runCart({
        productId: product.id,
        variantId: variant.id,
        externalVariantId: variant.externalId,
        quantity: 1,
        url,
      });
    },
    /** A message the shopper had not seen: read it out, count it, tell the page, act on it. */
    receive(message: ChatMessage, source: 'live' | 'missed') {
      if (message.role === 'shopper') return;
      const author = message.role === 'agent' ? message.authorName : ui.config.value?.assistant.name;
      const words = markdownToText(message.text) || message.products.map((product) => product.title).join(', ');
      ui.announce(author && message.role !== 'system' ? `${author}: ${words}` : words);
      ui.countUnread();
      emit('message', { role: message.role, text: message.text, conversationId: conversation.conversationId.value });
      for (const action of message.actions) act(action, source === 'live');
    },
  };
  return controller;
}
