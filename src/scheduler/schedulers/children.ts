import { ValueError } from '../errors.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import type { Scheduler } from './lr-scheduler.ts';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.ts';

/** The per-child checks `SequentialLR` and `ChainedScheduler` share (newest PyTorch wording). */
export function checkChildren(
  owner: string,
  optimizer: Optimizer,
  schedulers: readonly Scheduler[],
): void {
  schedulers.forEach((scheduler, i) => {
    if (scheduler instanceof ReduceLROnPlateau) {
      throw new ValueError(
        `${owner} does not support \`ReduceLROnPlateau\` scheduler as it requires additional kwargs to be specified when calling \`step\`, but got one at index ${i} in the given schedulers sequence.`,
      );
    }
    if (scheduler.optimizer !== optimizer) {
      throw new ValueError(
        `${owner} expects all schedulers to belong to the same optimizer, but got scheduler ${scheduler.constructor.name} at index ${i} has ${String(scheduler.optimizer)}, which is different from ${optimizer.constructor.name}.`,
      );
    }
  });
}
