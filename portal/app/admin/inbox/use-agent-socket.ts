import { useRevalidator } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

/**
 * The inbox's live connection to `/agent`, authenticated with the short-lived
 * token from the loader. Every (re)connection reads the newest token, and the
 * loader is asked for a fresh one before the current expires. When the server
 * refuses the handshake anyway (expired, or the member's access changed), the
 * client does not retry on its own: we fetch a new token and connect again.
 */
export type Connection = 'connecting' | 'live' | 'reconnecting';

const refreshAheadMs = 60_000;
const minimumRefreshDelayMs = 5_000;

export function useAgentSocket(agentToken: { token: string; expiresAt: string }) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const token = useRef(agentToken.token);
  token.current = agentToken.token;
  const waitingForToken = useRef(false);
  const [socket, setSocket] = useState<Socket | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');

  useEffect(() => {
    const client = io('/agent', {
      auth: (send) => send({ token: token.current }),
      transports: ['websocket'],
    });
    client.on('connect', () => setConnection('live'));
    client.on('disconnect', () => setConnection('reconnecting'));
    client.on('connect_error', () => {
      setConnection('reconnecting');
      // Socket.IO retries network failures itself; a refusal by the server it leaves to us.
      if (!client.active) {
        waitingForToken.current = true;
        revalidate.current();
      }
    });
    setSocket(client);
    return () => {
      client.close();
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a fresh token arrives
  useEffect(() => {
    if (socket && waitingForToken.current && !socket.connected) {
      waitingForToken.current = false;
      socket.connect();
    }
  }, [socket, agentToken.token]);

  useEffect(() => {
    const delay = Math.max(
      new Date(agentToken.expiresAt).getTime() - Date.now() - refreshAheadMs,
      minimumRefreshDelayMs,
    );
    const timer = setTimeout(() => revalidate.current(), delay);
    return () => clearTimeout(timer);
  }, [agentToken.expiresAt]);

  return { socket, connection };
}

/**
 * Reloads the page's data at most once per `intervalMs` while events keep
 * coming (counts, rows the list has never seen), instead of once per event.
 */
export function useThrottledRevalidate(intervalMs: number) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      revalidate.current();
    }, intervalMs);
  }, [intervalMs]);
}
