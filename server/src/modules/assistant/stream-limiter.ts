/**
 * Caps the assistant replies streaming at once per workspace, so one busy store
 * cannot take every model slot. Counted per server process: the cap protects
 * this process's event loop and the provider quota it draws on.
 */
export interface StreamLimiter {
  /** A release function, or null when the workspace is at its limit. */
  tryAcquire(workspaceId: string): (() => void) | null;
  active(workspaceId: string): number;
}

export function createStreamLimiter(maxPerWorkspace: number): StreamLimiter {
  const counts = new Map<string, number>();
  return {
    tryAcquire(workspaceId) {
      const current = counts.get(workspaceId) ?? 0;
      if (current >= maxPerWorkspace) return null;
      counts.set(workspaceId, current + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = (counts.get(workspaceId) ?? 1) - 1;
        if (next <= 0) counts.delete(workspaceId);
        else counts.set(workspaceId, next);
      };
    },
    active: (workspaceId) => counts.get(workspaceId) ?? 0,
  };
}
