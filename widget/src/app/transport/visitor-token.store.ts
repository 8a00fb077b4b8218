/**
 * The signed visitor token under `closer:<key>:visitor`. It is written only
 * once the shopper has opened the chat (here or on an earlier visit: a stored
 * token says so); until then it lives in memory. Storage may be unavailable
 * (private modes, blocked third-party storage), so every access is guarded.
 */
export interface VisitorTokenStore {
  read(): string | null;
  keep(token: string): void;
  /** The shopper opened the chat: from now on the token is persisted. */
  allowPersisting(): void;
  /** A token from an earlier visit, i.e. the shopper has chatted before. */
  readonly wasStored: boolean;
}

export function createVisitorTokenStore(key: string, storage: () => Storage): VisitorTokenStore {
  const name = `closer:${key}:visitor`;
  const attempt = <T>(run: () => T): T | null => {
    try {
      return run();
    } catch {
      return null;
    }
  };
  let token = attempt(() => storage().getItem(name));
  let persisting = token !== null;
  const save = () => token && attempt(() => storage().setItem(name, token as string));
  return {
    wasStored: persisting,
    read: () => token,
    keep(next) {
      token = next;
      if (persisting) save();
    },
    allowPersisting() {
      persisting = true;
      save();
    },
  };
}
