/** The catalog: product search for shoppers and the assistant, product lookups, cards for the widget. */
export {
  type CategorySummary,
  InvalidProductSearchError,
  type ParsedProductSearch,
  type ProductHit,
  ProductNotFoundError,
  type ProductSearch,
  type ProductWithVariants,
  productSearchSchema,
  searchLimits,
} from './catalog.model';
export { searchProducts } from './catalog.service';
export { formatMinorUnits } from './money';
export { getProduct, getProductByHandle, listCategories, type ProductLookupOptions } from './product.repo';
export { isVariantAvailable, type ProductCardOptions, toProductCard } from './product-card.mapper';
export { listTypoCorrections, tokenizeSearch } from './search-terms';
export { parseShoppingQuery, type ShoppingQuery } from './shopping-query.parser';
