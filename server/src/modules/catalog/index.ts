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
export { listProducts, type ProductListing } from './product-list.repo';
export {
  type BulkRowResult,
  currencyCodeSchema,
  InvalidProductWriteError,
  ProductConflictError,
  type ProductCreate,
  type ProductUpdate,
  type ProductUpsert,
  productCreateSchema,
  productHandleSchema,
  productUpdateSchema,
  productUpsertSchema,
  productWriteLimits,
  type VariantInput,
  variantInputSchema,
} from './product-write.model';
export { bulkUpsertProducts, createProduct, toHandle, updateProduct, upsertProduct } from './product-write.service';
export { listTypoCorrections, tokenizeSearch } from './search-terms';
export { parseShoppingQuery, type ShoppingQuery } from './shopping-query.parser';
