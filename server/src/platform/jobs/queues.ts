import type { QueueOptions } from 'pg-boss';

/**
 * Every queue Closer declares at start-up, named `<module>.<verb>`. Each gets a
 * dead-letter queue `<name>.dead` that keeps jobs which used up their retries,
 * so a failure is inspectable rather than lost. Modules add their queues here.
 */
export interface QueueDefinition {
  name: string;
  options: QueueOptions;
}

const standardRetries: QueueOptions = {
  retryLimit: 5,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 600,
  expireInSeconds: 15 * 60,
};

export const queueDefinitions: QueueDefinition[] = [
  { name: 'catalog.import', options: { ...standardRetries, retryLimit: 2, expireInSeconds: 60 * 60 } },
  { name: 'orders.import', options: { ...standardRetries, retryLimit: 2, expireInSeconds: 60 * 60 } },
  // An attempt resumes where the last one stopped, so a few retries cost little.
  { name: 'import.run', options: { ...standardRetries, retryLimit: 3, expireInSeconds: 60 * 60 } },
  { name: 'assistant.reply', options: { ...standardRetries, retryLimit: 1, expireInSeconds: 120 } },
  { name: 'conversation.analyze', options: standardRetries },
  // A heartbeat every few seconds: a worker killed mid-call hands its draft back in
  // 10–20 s instead of waiting out the 15-minute expiry.
  { name: 'content.generate', options: { ...standardRetries, heartbeatSeconds: 10 } },
  { name: 'content.publish', options: standardRetries },
  { name: 'outreach.send', options: standardRetries },
  { name: 'forecast.run', options: { ...standardRetries, retryLimit: 2, expireInSeconds: 60 * 60 } },
  { name: 'forecast.narrative', options: standardRetries },
  { name: 'forecast.nightly', options: { ...standardRetries, retryLimit: 1 } },
  { name: 'shopify.webhook', options: { ...standardRetries, retryLimit: 10 } },
  { name: 'shopify.sync', options: { ...standardRetries, expireInSeconds: 2 * 60 * 60 } },
  { name: 'system.cleanup', options: { ...standardRetries, retryLimit: 1 } },
];

export function deadLetterQueueName(name: string): string {
  return `${name}.dead`;
}
