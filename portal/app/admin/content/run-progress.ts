import type { RunProgressWire } from '../../../../server/src/transport/socket/content-events';

/**
 * Runs on the page, patched by `content.run.progress` events between loads.
 * An event is a snapshot of the run's counters, and snapshots can arrive late
 * or twice (several server nodes, a reload in between): counters only ever
 * grow and a finished run stays finished, so an old snapshot changes nothing.
 */
export type RunStatus = RunProgressWire['status'];

export const isRunActive = (status: RunStatus) => status === 'queued' || status === 'running';

export interface RunUpdate<Run extends RunProgressWire> {
  runs: Run[];
  /** The event is about a run this page has not loaded (started elsewhere): only a reload can show it. */
  unknown: boolean;
  /** The run just stopped (completed, cancelled, failed): its drafts and counts changed. */
  finished: boolean;
}

export function applyRunProgress<Run extends RunProgressWire>(runs: Run[], event: RunProgressWire): RunUpdate<Run> {
  const index = runs.findIndex((run) => run.id === event.id);
  const current = runs[index];
  if (!current) return { runs, unknown: true, finished: !isRunActive(event.status) };
  if (!isRunActive(current.status) && isRunActive(event.status)) return { runs, unknown: false, finished: false };
  const next = [...runs];
  next[index] = { ...current, ...mergeProgress(current, event) };
  return { runs: next, unknown: false, finished: isRunActive(current.status) && !isRunActive(event.status) };
}

function mergeProgress(current: RunProgressWire, event: RunProgressWire): RunProgressWire {
  const doneItems = Math.max(current.doneItems, event.doneItems);
  const failedItems = Math.max(current.failedItems, event.failedItems);
  const totalItems = Math.max(current.totalItems, event.totalItems);
  return {
    id: current.id,
    status: event.status,
    totalItems,
    doneItems,
    failedItems,
    remainingItems: isRunActive(event.status) ? Math.max(0, totalItems - doneItems - failedItems) : 0,
    estimatedCostMicroUsd: event.estimatedCostMicroUsd,
    costMicroUsd: Math.max(current.costMicroUsd, event.costMicroUsd),
    error: event.error,
  };
}

/** Share of the run's items that are finished (generated or failed), 0–100. */
export function runPercent(run: RunProgressWire): number {
  if (run.totalItems === 0) return isRunActive(run.status) ? 0 : 100;
  return Math.min(100, Math.round(((run.doneItems + run.failedItems) / run.totalItems) * 100));
}
