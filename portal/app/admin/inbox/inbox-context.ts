import { useOutletContext } from '@remix-run/react';
import type { Socket } from 'socket.io-client';
import type { InboxMember } from '../../../../server/src/transport/admin/inbox.admin';
import type { Connection } from './use-agent-socket';

/** What the inbox hands the open conversation (rendered in its outlet). */
export interface InboxContext {
  socket: Socket | null;
  connection: Connection;
  members: InboxMember[];
  /** The signed-in member's user id. */
  me: string;
}

export function useInboxContext(): InboxContext {
  return useOutletContext<InboxContext>();
}

export type { InboxMember };
