/** Store knowledge — policies, FAQ, pages — that the assistant may cite. */

export { type KnowledgeHit, type KnowledgeSearchOptions, knowledgeLimits } from './knowledge.model';
export { listPolicies } from './knowledge.repo';
export { searchKnowledge } from './knowledge.service';
export {
  type EditableKind,
  type KnowledgeArticleInput,
  KnowledgeArticleNotFoundError,
  type KnowledgeArticlePage,
  type KnowledgeArticleView,
  policyTopics,
} from './knowledge-article.model';
export {
  createKnowledgeArticle,
  editKnowledgeArticle,
  listKnowledgeArticles,
  removeKnowledgeArticle,
} from './knowledge-article.service';
export { expandShopperPhrasing } from './shopper-phrasing';
