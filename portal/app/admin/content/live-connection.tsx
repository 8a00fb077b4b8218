import { Badge } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { useAgentSocket } from '../inbox/use-agent-socket';
import type { LiveMode } from './use-live-runs';

/**
 * The page's `/agent` socket, when the shell issued a token for one. A
 * component rather than a hook, so the page can go without a socket (no
 * token) and still call its hooks the same way on every render.
 */
export interface LiveState {
  socket: Socket | null;
  mode: LiveMode;
}

export function useLiveState(hasToken: boolean) {
  return useState<LiveState>({ socket: null, mode: hasToken ? 'connecting' : 'polling' });
}

export function AgentConnection(props: {
  agentToken: { token: string; expiresAt: string };
  onChange(state: LiveState): void;
}) {
  const { socket, connection } = useAgentSocket(props.agentToken);
  const { onChange } = props;
  useEffect(() => {
    // Until the first connection the page cannot tell "slow" from "blocked": it polls meanwhile.
    onChange({ socket, mode: connection === 'live' ? 'live' : connection === 'connecting' ? 'connecting' : 'polling' });
  }, [socket, connection, onChange]);
  return null;
}

const badges: Record<LiveMode, { label: string; tone?: 'success' | 'attention' }> = {
  connecting: { label: 'Connecting…' },
  live: { label: 'Live', tone: 'success' },
  polling: { label: 'Refreshing every few seconds', tone: 'attention' },
};

export function LiveBadge({ mode }: { mode: LiveMode }) {
  const badge = badges[mode];
  return <Badge tone={badge.tone}>{badge.label}</Badge>;
}
