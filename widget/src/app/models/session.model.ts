import { createModel, signal } from '@preact/signals';
import type { Identity } from '../../shared/widget-contract';
import type { ErrorCode, ProtocolError } from '../protocol';

export type Connection = 'idle' | 'connecting' | 'online' | 'offline' | 'unavailable';
export type LeadReason = 'asked' | 'nobody_available';

/**
 * The shopper's session beyond the messages: the connection, the notice shown
 * next to the composer, who they said they are, the lead form and the rating.
 */
export const SessionModel = createModel(() => {
  const connection = signal<Connection>('idle');
  const notice = signal<{ code: ErrorCode | 'timeout'; retryAfterMs?: number } | null>(null);
  /** Set by `Closer.identify()`; sent once the socket is up (nothing leaves the page before the chat opens). */
  const identity = signal<(Identity & { clientId: string }) | null>(null);
  const leadReason = signal<LeadReason | null>(null);
  const lead = signal<'idle' | 'sending' | 'done' | 'failed'>('idle');
  const rating = signal<number | null>(null);

  return {
    connection,
    notice,
    identity,
    leadReason,
    lead,
    rating,
    setConnection(next: Connection) {
      // A refused key or origin stays refused for this page.
      if (connection.value !== 'unavailable') connection.value = next;
    },
    showNotice(error: Pick<ProtocolError, 'code' | 'retryAfterMs'> | { code: 'timeout' }) {
      notice.value = error;
    },
    clearNotice() {
      notice.value = null;
    },
    identify(next: (Identity & { clientId: string }) | null) {
      identity.value = next;
    },
    showLeadForm(reason: LeadReason) {
      if (lead.value !== 'done') leadReason.value = reason;
    },
    setLead(state: 'sending' | 'done' | 'failed') {
      lead.value = state;
    },
    rate(stars: number) {
      rating.value = stars;
    },
  };
});

export type SessionModel = InstanceType<typeof SessionModel>;
