/**
 * Caps the assistant replies streaming at once per workspace, so one busy store
 * cannot take every model slot. Counted per server process: the cap protects
 * this process's event loop and the provider quota it draws on.
 */
export interface StreamLimiter {
  /** A release function, or null when the workspace is at its limit. */
  tryAcquire(workspaceId: string): (() => void) | null;
  active(workspaceId: string): number;
  /** Resolves once no reply is running (or after `timeoutMs`): graceful shutdown waits for replies to be stored. */
  whenIdle(timeoutMs: number): Promise<void>;
}

export function createStreamLimiter(maxPerWorkspace: number): StreamLimiter {
  const counts = new Map<string, number>();
  let idleWaiters: Array<() => void> = [];
  const notifyIfIdle = () => {
    if (counts.size > 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };
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
        notifyIfIdle();
      };
    },
    active: (workspaceId) => counts.get(workspaceId) ?? 0,
    whenIdle(timeoutMs) {
      if (counts.size === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
