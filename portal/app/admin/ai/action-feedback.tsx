import { Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';

/** What a fetcher's last answer says went wrong, if anything (portalAction's failure shape). */
export interface ActionProblem {
  message: string;
  fieldErrors: Record<string, string>;
}

export function problemOf(data: unknown): ActionProblem | null {
  if (!data || typeof data !== 'object' || (data as { ok?: unknown }).ok !== false) return null;
  const failure = data as { message?: unknown; fieldErrors?: Record<string, string> };
  return { message: String(failure.message ?? 'That did not work.'), fieldErrors: failure.fieldErrors ?? {} };
}

/** Runs `onSuccess` once per successful answer of a fetcher (its data object is new with every answer). */
export function useOnSuccess(fetcher: { state: string; data: unknown }, onSuccess: () => void): void {
  const [handled, setHandled] = useState<unknown>(null);
  const data = fetcher.data;
  const ok = fetcher.state === 'idle' && Boolean(data && (data as { ok?: unknown }).ok === true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new answer, whatever onSuccess closes over
  useEffect(() => {
    if (!ok || handled === data) return;
    setHandled(data);
    onSuccess();
  }, [ok, data]);
}

/** A polite live region, present from the start so screen readers announce what appears in it. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status">
      {message ? (
        <Text as="span" tone="success">
          {message}
        </Text>
      ) : null}
    </div>
  );
}
