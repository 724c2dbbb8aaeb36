import type { Scheduler } from './lr-scheduler.ts';

/** A scheduler that owns child schedulers (`SequentialLR`, `ChainedScheduler`). */
export interface CompositeScheduler extends Scheduler {
  readonly _schedulers: readonly Scheduler[];
  step(): void;
}

/** True for `SequentialLR` and `ChainedScheduler` (PyTorch tests `hasattr(s, "_schedulers")`). */
export function isComposite(s: Scheduler): s is CompositeScheduler {
  return '_schedulers' in s;
}

/**
 * Newest PyTorch's `recursive_undo`: every leaf scheduler's construction step is undone by
 * decrementing its epoch, recursing into composites (1.13 decremented only the top level).
 */
export function recursiveUndo(schedulers: readonly Scheduler[]): void {
  for (const s of schedulers) {
    if (isComposite(s)) recursiveUndo(s._schedulers);
    else s.lastEpoch -= 1;
  }
}
