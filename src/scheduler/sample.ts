/**
 * Sampling a schedule for a chart: run a real scheduler on a real optimizer, step by step, and
 * record what it writes. Nothing here re-implements a formula, so a chart shows exactly what
 * the scheduler does.
 *
 * @packageDocumentation
 */
import { SGD } from './optim/sgd.ts';
import type { Optimizer } from './optim/optimizer.ts';
import type { Param } from './optim/types.ts';
import { CosineAnnealingWarmRestarts } from './schedulers/cosine-annealing-warm-restarts.ts';
import type { Scheduler } from './schedulers/lr-scheduler.ts';
import { withoutWarnings } from './warnings.ts';

/** How {@link sampleSchedule} steps the scheduler. */
export interface SampleOptions {
  /** The optimizer's initial learning rate. */
  lr: number;
  /** SGD momentum to start from (matters for `CyclicLR`/`OneCycleLR`, which cycle it). Default 0.9. */
  momentum?: number;
  /** Number of epochs to sample. */
  epochs: number;
  /**
   * Scheduler steps per epoch (per-batch stepping). Default 1. With more than one,
   * `CosineAnnealingWarmRestarts` is stepped with fractional epochs
   * (`step(epoch + i / stepsPerEpoch)`, as PyTorch's docs recommend); every other scheduler is
   * stepped once per batch with `step()`, so its periods count batches.
   */
  stepsPerEpoch?: number;
  /** For `ReduceLROnPlateau`: the metric passed at each step, as a function of the step. */
  metric?: (step: number) => number;
}

/**
 * A sampled curve: `lr[k]` is the learning rate used by step `k` (after `k` scheduler steps), at
 * epoch `x[k]`. A run of `epochs` epochs has `epochs × stepsPerEpoch` samples, like `range(epochs)`.
 */
export interface SampledSchedule {
  /** Epoch of each sample (fractional with per-batch stepping). */
  x: Float64Array;
  /** Learning rate of the first param group. */
  lr: Float64Array;
  /** SGD momentum of the first param group at each sample. */
  momentum: Float64Array;
}

interface Steppable extends Scheduler {
  step(arg?: number): void;
}

/**
 * Runs a scheduler on a fresh one-parameter SGD optimizer for a training run of `epochs` epochs
 * and records the learning rate and momentum each step uses: after construction, then after each
 * of the `epochs × stepsPerEpoch − 1` scheduler steps in between.
 * PyTorch's ordering warnings are silenced: no optimizer step happens between scheduler steps.
 *
 * @param build - constructs the scheduler on the optimizer it is given.
 * @param options - learning rate, momentum and the stepping plan.
 * @returns typed arrays of length `epochs × stepsPerEpoch`.
 * @throws whatever the scheduler throws (`ValueError` for invalid options, `ZeroDivisionError`
 *   where PyTorch would raise it), and `RangeError` for a non-positive or non-integer plan.
 * @example
 * ```ts
 * const { x, lr } = sampleSchedule(
 *   (opt) => new CosineAnnealingWarmRestarts(opt, { T_0: 5, T_mult: 2 }),
 *   { lr: 0.1, epochs: 35 },
 * );
 * ```
 */
export function sampleSchedule(
  build: (optimizer: Optimizer) => Scheduler,
  options: SampleOptions,
): SampledSchedule {
  const stepsPerEpoch = options.stepsPerEpoch ?? 1;
  if (!Number.isInteger(options.epochs) || options.epochs < 0) {
    throw new RangeError(`epochs must be a non-negative integer, got ${options.epochs}`);
  }
  if (!Number.isInteger(stepsPerEpoch) || stepsPerEpoch < 1) {
    throw new RangeError(`stepsPerEpoch must be a positive integer, got ${stepsPerEpoch}`);
  }
  const param: Param = { data: new Float64Array(1), grad: null };
  const optimizer = new SGD([param], { lr: options.lr, momentum: options.momentum ?? 0.9 });
  const steps = options.epochs * stepsPerEpoch;
  const x = new Float64Array(steps);
  const lr = new Float64Array(steps);
  const momentum = new Float64Array(steps);
  const group = optimizer.paramGroups[0]!;
  withoutWarnings(() => {
    const scheduler = build(optimizer) as Steppable;
    const fractional = scheduler instanceof CosineAnnealingWarmRestarts && stepsPerEpoch > 1;
    for (let k = 0; k < steps; k += 1) {
      // epoch + i / iters, written as PyTorch's docs write it, so fractional epochs match bit for bit.
      const epoch = Math.floor(k / stepsPerEpoch) + (k % stepsPerEpoch) / stepsPerEpoch;
      if (k > 0) {
        if (fractional) scheduler.step(epoch);
        else if (options.metric) scheduler.step(options.metric(k));
        else scheduler.step();
      }
      x[k] = epoch;
      lr[k] = group.lr;
      momentum[k] = group.momentum ?? 0;
    }
  });
  return { x, lr, momentum };
}
