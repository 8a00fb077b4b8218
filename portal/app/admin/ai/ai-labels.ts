/** Names people use for the engine's tasks and providers. */
const taskLabels: Record<string, string> = {
  'assistant.reply': 'Shopper chat replies',
  'content.description': 'Product descriptions',
  'content.seo': 'SEO titles and descriptions',
  'content.ads': 'Ad copy',
  'content.translation': 'Translations',
  'content.review-analysis': 'Review analysis',
  'outreach.message': 'Outreach messages',
  'conversation.summary': 'Conversation summaries',
  'forecast.narrative': 'Forecast explanations',
};

const providerLabels: Record<string, string> = {
  gemini: 'Gemini',
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  offline: 'Offline assistant',
};

/** The environment variable that gives the whole instance a key for each vendor. */
export const instanceKeyVariables: Record<string, string> = {
  gemini: 'GEMINI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  openai: 'OPENAI_API_KEY or OPENAI_BASE_URL',
};

export const taskLabel = (task: string) => taskLabels[task] ?? task;
export const providerLabel = (provider: string) => providerLabels[provider] ?? provider;

export function choiceLabel(choice: { provider: string; model: string }): string {
  return choice.provider === 'offline'
    ? providerLabel('offline')
    : `${providerLabel(choice.provider)} · ${choice.model}`;
}

export const choiceValue = (choice: { provider: string; model: string }) => `${choice.provider}:${choice.model}`;
