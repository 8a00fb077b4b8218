import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { RunRow } from '../../../../server/src/transport/admin/content.admin';
import type { RunProgressWire } from '../../../../server/src/transport/socket/content-events';
import { useThrottledRevalidate } from '../inbox/use-agent-socket';
import { applyRunProgress, isRunActive } from './run-progress';

/** `live`: events arrive; `polling`: no socket (none issued, or it is down), so the page re-reads itself. */
export type LiveMode = 'connecting' | 'live' | 'polling';

const progressEvent = 'content.run.progress';
const pollIntervalMs = 3_000;

/**
 * The runs from the loader, patched by the server's progress events. A run
 * that finishes, or one this page has not loaded, needs the server's view
 * (new drafts, counts), so those reload the page data soon; ordinary progress
 * reloads it now and then, so drafts appear in the list while a run goes.
 */
export function useLiveRuns(loaded: RunRow[], socket: Socket | null, mode: LiveMode): RunRow[] {
  const [runs, setRuns] = useState(loaded);
  const current = useRef(runs);
  const reloadSoon = useThrottledRevalidate(1_000);
  const reloadLater = useThrottledRevalidate(5_000);
  useEffect(() => {
    current.current = loaded;
    setRuns(loaded);
  }, [loaded]);

  useEffect(() => {
    if (!socket) return;
    const onProgress = (payload: RunProgressWire) => {
      if (!payload || typeof payload.id !== 'string') return;
      const update = applyRunProgress(current.current, payload);
      current.current = update.runs;
      setRuns(update.runs);
      if (update.unknown || update.finished) reloadSoon();
      else reloadLater();
    };
    // Events sent while the socket was down are gone: the server's counters are not.
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) reloadSoon();
      connectedBefore = true;
    };
    socket.on(progressEvent, onProgress);
    socket.on('connect', onConnect);
    return () => {
      socket.off(progressEvent, onProgress);
      socket.off('connect', onConnect);
    };
  }, [socket, reloadSoon, reloadLater]);

  useRevalidateWhile(mode !== 'live' && runs.some((run) => isRunActive(run.status)), pollIntervalMs);
  return runs;
}

/** Re-reads the page's data every `intervalMs` while `active`, skipping a beat when the last read is still out. */
function useRevalidateWhile(active: boolean, intervalMs: number) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (latest.current.state === 'idle') latest.current.revalidate();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
}
