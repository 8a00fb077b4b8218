import { Markdown } from '../markdown/render-markdown';
import type { ChatMessage } from '../models/chat-message';
import { useApp } from './app-context';
import { OrderCardView } from './order-card';
import { ProductCardView } from './product-card';

export function MessageItem({ message }: { message: ChatMessage }) {
  const { ui, controller, pageUrl } = useApp();
  const t = ui.t.value;
  const { role, state } = message;
  const author =
    role === 'shopper' ? t('you') : role === 'agent' ? (message.authorName ?? '') : ui.config.value?.assistant.name;
  return (
    <li class={`message from-${role}`}>
      {role === 'agent' && message.authorName && (
        <span class="meta" aria-hidden="true">
          {message.authorName}
        </span>
      )}
      {message.text && (
        <div class="bubble">
          {role !== 'system' && <span class="sr-only">{author}: </span>}
          {role === 'shopper' ? message.text : <Markdown text={message.text} base={pageUrl()} />}
        </div>
      )}
      {message.products.length > 0 && (
        <ul class="cards">
          {message.products.map((product) => (
            <li key={product.id}>
              <ProductCardView product={product} />
            </li>
          ))}
        </ul>
      )}
      {message.orders.map((order) => (
        <OrderCardView key={order.number} order={order} />
      ))}
      {state === 'sending' && <span class="meta">{t('sending')}</span>}
      {state === 'failed' && message.clientId && (
        <span class="meta error">
          {t('notSent')}{' '}
          <button type="button" class="link" onClick={() => controller.retry(message.clientId as string)}>
            {t('retry')}
          </button>
        </span>
      )}
    </li>
  );
}
