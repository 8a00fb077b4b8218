import { useId } from 'preact/hooks';
import { safeUrl } from '../markdown/render-markdown';
import type { OrderCard } from '../protocol';
import { useApp } from './app-context';
import { formatDate, formatMoney } from './money';

export function OrderCardView({ order }: { order: OrderCard }) {
  const { ui, pageUrl } = useApp();
  const t = ui.t.value;
  const locale = ui.localeTag.value;
  const titleId = useId();
  const tracking = order.tracking;
  const trackingUrl = safeUrl(tracking?.url, pageUrl());
  return (
    <article class="card" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('order', { number: order.number })}</h3>
      <p class="status">{order.status}</p>
      <p class="meta">{t('placed', { date: formatDate(order.placedAt, locale) })}</p>
      <ul>
        {order.items.map((item, index) => (
          <li key={index}>
            {item.quantity} × {item.title}
          </li>
        ))}
      </ul>
      <p>
        {t('total')}: {formatMoney(order.total, order.currency, locale)}
      </p>
      {tracking && (
        <p class="meta">
          {[tracking.carrier, tracking.number].filter(Boolean).join(' · ')}{' '}
          {trackingUrl && (
            <a href={trackingUrl} target="_blank" rel="noopener noreferrer">
              {t('track')}
            </a>
          )}
        </p>
      )}
    </article>
  );
}
