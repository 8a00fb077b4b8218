import { describe, expect, it } from 'vitest';
import type { RunProgressWire } from '../../../../server/src/transport/socket/content-events';
import { applyRunProgress, runPercent } from './run-progress';

const run = (patch: Partial<RunProgressWire> = {}): RunProgressWire & { kinds: string[] } => ({
  id: 'run-1',
  status: 'running',
  totalItems: 10,
  doneItems: 2,
  failedItems: 0,
  remainingItems: 8,
  estimatedCostMicroUsd: 4_000,
  costMicroUsd: 800,
  error: null,
  kinds: ['seo'],
  ...patch,
});

describe('applyRunProgress', () => {
  it('patches the run’s counters and keeps what the event does not carry', () => {
    const update = applyRunProgress(
      [run()],
      run({ doneItems: 5, failedItems: 1, remainingItems: 4, costMicroUsd: 2_000 }),
    );
    expect(update.runs[0]).toMatchObject({ doneItems: 5, failedItems: 1, remainingItems: 4, costMicroUsd: 2_000 });
    expect(update.runs[0]?.kinds).toEqual(['seo']);
    expect(update).toMatchObject({ unknown: false, finished: false });
  });

  it('says when a run finishes, so the page reloads its drafts', () => {
    const update = applyRunProgress(
      [run()],
      run({ status: 'completed', doneItems: 9, failedItems: 1, remainingItems: 0 }),
    );
    expect(update.finished).toBe(true);
    expect(update.runs[0]?.status).toBe('completed');
  });

  it('never goes backwards: a late snapshot cannot lower counts or revive a finished run', () => {
    const late = applyRunProgress([run({ doneItems: 6, remainingItems: 4 })], run({ doneItems: 3, remainingItems: 7 }));
    expect(late.runs[0]).toMatchObject({ doneItems: 6, remainingItems: 4 });
    const finished = [run({ status: 'completed', doneItems: 10, remainingItems: 0 })];
    const revived = applyRunProgress(finished, run({ doneItems: 8 }));
    expect(revived.runs).toBe(finished);
    expect(revived.finished).toBe(false);
  });

  it('flags a run the page has not loaded (started in another tab)', () => {
    const runs = [run()];
    const update = applyRunProgress(runs, run({ id: 'run-2' }));
    expect(update).toEqual({ runs, unknown: true, finished: false });
  });
});

describe('runPercent', () => {
  it('counts generated and failed items as finished', () => {
    expect(runPercent(run({ doneItems: 3, failedItems: 1 }))).toBe(40);
    expect(runPercent(run({ totalItems: 0, status: 'completed' }))).toBe(100);
    expect(runPercent(run({ totalItems: 0, status: 'queued' }))).toBe(0);
  });
});
