import { useEffect, useRef } from 'react';
import type { ActionFailure } from '~/admin/admin-args';

/** What a form's fetcher holds after a post: a success of one shape, or the failure the server described. */
export type ActionResult<Success> = ({ ok: true } & Success) | ActionFailure;

export function failureOf(data: unknown): ActionFailure | null {
  return data && typeof data === 'object' && (data as { ok?: unknown }).ok === false ? (data as ActionFailure) : null;
}

/** A person's mistake the server-side page code detects itself (shown like the services' 4xx errors). */
export function badRequest(message: string): Error {
  return Object.assign(new Error(message), { status: 400 });
}

/**
 * Runs `handle` once for each new successful answer a fetcher receives (not on
 * every render, and not again when a dialog that owns the fetcher reopens).
 */
export function useFetcherSuccess<Data>(
  fetcher: { state: string; data: Data | undefined },
  handle: (data: Data & { ok: true }) => void,
) {
  const handled = useRef<unknown>(undefined);
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const data = fetcher.data as (Data & { ok?: unknown }) | undefined;
    if (fetcher.state !== 'idle' || !data || data.ok !== true || handled.current === data) return;
    handled.current = data;
    latest.current(data as Data & { ok: true });
  }, [fetcher.state, fetcher.data]);
}
