/** Store knowledge — policies, FAQ, pages — that the assistant may cite. */
export { type KnowledgeHit, type KnowledgeSearchOptions, knowledgeLimits } from './knowledge.model';
export { listPolicies } from './knowledge.repo';
export { searchKnowledge } from './knowledge.service';
export { expandShopperPhrasing } from './shopper-phrasing';
