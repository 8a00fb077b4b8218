import type { AiTask, ProviderCredentials, ProviderId } from './ai.model';

export interface RouteChoice {
  provider: ProviderId;
  model: string;
}

export type RoutingPolicy = Record<AiTask, RouteChoice[]>;
/** A workspace's own choice for some tasks; a listed task replaces the default list. */
export type RoutingPolicyOverride = Partial<Record<AiTask, RouteChoice[]>>;

export const OFFLINE_CHOICE: RouteChoice = { provider: 'offline', model: 'offline' };

const fast = (anthropicModel = 'claude-haiku-4-5', openaiModel = 'gpt-4.1-mini'): RouteChoice[] => [
  { provider: 'gemini', model: 'gemini-2.5-flash' },
  { provider: 'anthropic', model: anthropicModel },
  { provider: 'openai', model: openaiModel },
];

/**
 * Cheap, fast models first for chat and short copy; stronger ones where the
 * writing is the product. The assistant ends with the offline provider, so a
 * shopper still gets an answer from retrieval when every vendor is down.
 * Generation tasks do not: a template there would silently replace real copy.
 */
export const DEFAULT_ROUTING_POLICY: RoutingPolicy = {
  'assistant.reply': [...fast(), OFFLINE_CHOICE],
  'content.description': fast('claude-sonnet-4-5'),
  'content.seo': fast(),
  'content.ads': fast(),
  'content.translation': fast(),
  'content.review-analysis': fast(),
  'outreach.message': fast('claude-sonnet-4-5'),
  'conversation.summary': fast('claude-haiku-4-5', 'gpt-4o-mini'),
  'forecast.narrative': [
    { provider: 'gemini', model: 'gemini-2.5-pro' },
    { provider: 'anthropic', model: 'claude-sonnet-4-5' },
    { provider: 'openai', model: 'gpt-4.1' },
  ],
};

/**
 * The ordered choices for a task that can actually run: vendors need a
 * credential (and an adapter factory). With none left, the offline provider.
 */
export function resolveRoute(
  task: AiTask,
  credentials: ProviderCredentials,
  override: RoutingPolicyOverride | undefined,
  isSupported: (provider: ProviderId) => boolean = () => true,
): RouteChoice[] {
  const listed = override?.[task] ?? DEFAULT_ROUTING_POLICY[task];
  const eligible = listed.filter(
    (choice) =>
      choice.provider === 'offline' || (credentials[choice.provider] !== undefined && isSupported(choice.provider)),
  );
  const unique = eligible.filter(
    (choice, index) =>
      eligible.findIndex((other) => other.provider === choice.provider && other.model === choice.model) === index,
  );
  return unique.length > 0 ? unique : [OFFLINE_CHOICE];
}
