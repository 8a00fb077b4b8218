import type { Server } from 'socket.io';
import type { RunProgress } from '../../modules/content';
import { inboxRoom } from './agent.namespace';

/** A run's progress as the admin receives it (`content.run.progress`); money as numbers of micro-dollars. */
export interface RunProgressWire {
  id: string;
  status: RunProgress['status'];
  totalItems: number;
  doneItems: number;
  failedItems: number;
  remainingItems: number;
  estimatedCostMicroUsd: number;
  costMicroUsd: number;
  error: string | null;
}

export function toRunProgressWire(progress: RunProgress): RunProgressWire {
  return {
    id: progress.id,
    status: progress.status,
    totalItems: progress.totalItems,
    doneItems: progress.doneItems,
    failedItems: progress.failedItems,
    remainingItems: progress.remainingItems,
    estimatedCostMicroUsd: Number(progress.estimatedCostMicroUsd),
    costMicroUsd: Number(progress.costMicroUsd),
    error: progress.error,
  };
}

/** Every member with the admin open is in the workspace's inbox room; the PostgreSQL adapter reaches other nodes. */
export function createSocketContentProgress(io: Server) {
  return (workspaceId: string, progress: RunProgress) => {
    io.of('/agent').to(inboxRoom(workspaceId)).emit('content.run.progress', toRunProgressWire(progress));
  };
}
