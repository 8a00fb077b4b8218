import { useId, useState } from 'preact/hooks';
import { safeUrl } from '../markdown/render-markdown';
import type { ProductCard } from '../protocol';
import { useApp } from './app-context';
import { formatMoney } from './money';

export function ProductCardView({ product }: { product: ProductCard }) {
  const { ui, controller, pageUrl } = useApp();
  const t = ui.t.value;
  const titleId = useId();
  const [variantId, setVariantId] = useState(
    (product.variants.find((variant) => variant.available) ?? product.variants[0])?.id ?? null,
  );
  const [cart, setCart] = useState<'idle' | 'busy' | 'added' | 'failed'>('idle');
  const variant = product.variants.find((candidate) => candidate.id === variantId);
  const price = variant?.price ?? product.price;
  const available = variant ? variant.available : product.available;
  const url = safeUrl(product.url, pageUrl());
  const image = safeUrl(product.imageUrl, pageUrl());
  const money = (amount: string) => formatMoney(amount, product.currency, ui.localeTag.value);
  const discounted = product.compareAtPrice !== null && Number(product.compareAtPrice) > Number(price);

  const add = async () => {
    if (!variant) return;
    setCart('busy');
    const outcome = await controller.addProductToCart(product, variant);
    setCart(outcome === 'added' ? 'added' : outcome === 'failed' ? 'failed' : 'idle');
  };

  return (
    <article class="card product" aria-labelledby={titleId}>
      {image && <img src={image} alt="" loading="lazy" width={80} height={80} />}
      <div>
        <h3 id={titleId}>{url ? <a href={url}>{product.title}</a> : product.title}</h3>
        <p class="price">
          <span>{money(price)}</span>
          {discounted && (
            <s>
              <span class="sr-only">{t('wasPrice')} </span>
              {money(product.compareAtPrice as string)}
            </s>
          )}
        </p>
        {product.variants.length > 1 && (
          <label>
            <span>{t('variant')}</span>
            <select value={variantId ?? undefined} onChange={(event) => setVariantId(event.currentTarget.value)}>
              {product.variants.map((option) => (
                <option key={option.id} value={option.id} disabled={!option.available}>
                  {option.available ? option.title : `${option.title} (${t('soldOut')})`}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="primary" disabled={!available || !variant || cart === 'busy'} onClick={add}>
          {!available ? t('soldOut') : cart === 'added' ? t('added') : t('addToCart')}
        </button>
        {cart === 'failed' && <p class="meta error">{t('failed')}</p>}
      </div>
    </article>
  );
}
