import { Badge } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import type { InboxRow } from './inbox-live';

/** Words and badges the inbox uses for states, intents and times. */
type Status = InboxRow['status'];

const statuses: Record<Status, { label: string; tone?: 'info' | 'attention' | 'success' }> = {
  ai: { label: 'AI answering', tone: 'info' },
  waiting: { label: 'Waiting for a person', tone: 'attention' },
  human: { label: 'Person answering', tone: 'success' },
  closed: { label: 'Closed' },
};

export function StatusBadge({ status }: { status: Status }) {
  const { label, tone } = statuses[status];
  return <Badge tone={tone}>{label}</Badge>;
}

const intents: Record<string, string> = {
  product_question: 'Product question',
  order_status: 'Order status',
  returns: 'Returns',
  shipping: 'Shipping',
  complaint: 'Complaint',
  purchase: 'Purchase',
  other: 'Other',
};

export const intentLabel = (intent: string) => intents[intent] ?? intent;

export function sentimentLabel(sentiment: number): string {
  const word = sentiment <= -0.25 ? 'Negative' : sentiment >= 0.25 ? 'Positive' : 'Neutral';
  return `${word} (${sentiment.toFixed(2)})`;
}

/** A short name for a shopper we know only by their visitor id. */
export const visitorName = (visitorOrConversationId: string) => `Visitor ${visitorOrConversationId.slice(-6)}`;

const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function relative(date: Date, now: number): string {
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/**
 * "3 min ago" in the browser; the server renders the UTC date and time, so the
 * first paint matches on both sides (the browser's clock and zone differ).
 */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={`${absolute.format(date)} UTC`}>
      {now === null ? `${absolute.format(date)} UTC` : relative(date, now)}
    </time>
  );
}
