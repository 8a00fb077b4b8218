import { useEffect, useMemo, useRef, useState } from 'react';
import type { InboxLoaderData } from './inbox.server';
import type { InboxContext } from './inbox-context';
import { applyListEvent, type InboxEvent, type InboxRow, liveEventNames } from './inbox-live';
import { useThrottledRevalidate } from './use-agent-socket';

/** The list from the loader, patched by live events until the next load. */
export function useLiveRows(data: InboxLoaderData, socket: InboxContext['socket']) {
  const [rows, setRows] = useState<InboxRow[]>(data.rows);
  const current = useRef(rows);
  const scheduleReload = useThrottledRevalidate(3_000);
  useEffect(() => {
    current.current = data.rows;
    setRows(data.rows);
  }, [data.rows]);

  const view = useMemo(
    () => ({ filter: data.filter, userId: data.me, firstPage: data.firstPage }),
    [data.filter, data.me, data.firstPage],
  );
  useEffect(() => {
    if (!socket) return;
    const handlers = liveEventNames.map((event) => {
      const handler = (payload: unknown) => {
        const result = applyListEvent(current.current, { event, payload } as InboxEvent, view);
        current.current = result.rows;
        setRows(result.rows);
        if (result.stale) scheduleReload();
      };
      socket.on(event, handler);
      return [event, handler] as const;
    });
    // After a reconnection, events may have been missed: ask the server.
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) scheduleReload();
      connectedBefore = true;
    };
    socket.on('connect', onConnect);
    return () => {
      for (const [event, handler] of handlers) socket.off(event, handler);
      socket.off('connect', onConnect);
    };
  }, [socket, view, scheduleReload]);
  return rows;
}
