import { ValueError } from '../errors.ts';
import { linearFactor } from '../functional/step-decay.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { LRScheduler, type LRSchedulerOptions, type StateKeys } from './lr-scheduler.ts';

/** Options of {@link LinearLR}. */
export interface LinearLROptions extends LRSchedulerOptions {
  /** Multiplier at epoch 0, in (0, 1]. Default `1/3`. */
  start_factor?: number;
  /** Multiplier from `total_iters` on, in [0, 1]. Default `1.0`. */
  end_factor?: number;
  /** Number of epochs of the linear change. Default `5`. */
  total_iters?: number;
}

/**
 * Changes each group's learning rate linearly from `start_factor·lr` to `end_factor·lr` over
 * `total_iters` epochs (`torch.optim.lr_scheduler.LinearLR`): the usual warmup.
 *
 * $$\eta_e = \eta_0\left(s + (f - s)\frac{\min(e, T)}{T}\right)$$
 *
 * Stepped recursively with PyTorch's ratio
 * `1 + (f − s) / (T·s + (e − 1)(f − s))`, so the end value can differ from `end_factor·lr` in
 * the last bits, as in PyTorch.
 *
 * @example
 * ```ts
 * const warmup = new LinearLR(optimizer, { start_factor: 0.1, total_iters: 5 });
 * ```
 * @throws {@link ValueError} "Starting multiplicative factor expected to be greater than 0 and
 *   less or equal to 1." or "Ending multiplicative factor expected to be between 0 and 1."
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.LinearLR.html
 */
export class LinearLR extends LRScheduler {
  startFactor: number;
  endFactor: number;
  totalIters: number;
  protected override readonly stateKeys: StateKeys = [
    ['start_factor', 'startFactor'],
    ['end_factor', 'endFactor'],
    ['total_iters', 'totalIters'],
  ];

  constructor(optimizer: Optimizer, options: LinearLROptions = {}) {
    const startFactor = options.start_factor ?? 1.0 / 3;
    const endFactor = options.end_factor ?? 1.0;
    // PyTorch ≥ 2.0 rejects start_factor = 0 (1.13 accepted it and divided by zero later).
    if (!(startFactor > 0 && startFactor <= 1.0)) {
      throw new ValueError(
        'Starting multiplicative factor expected to be greater than 0 and less or equal to 1.',
      );
    }
    if (!(endFactor >= 0 && endFactor <= 1.0)) {
      throw new ValueError('Ending multiplicative factor expected to be between 0 and 1.');
    }
    super(optimizer, options.last_epoch ?? -1);
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = options.total_iters ?? 5;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    const e = this.lastEpoch;
    if (e === 0) return this.scaledLrs(this.startFactor);
    if (this._isInitial || e > this.totalIters) return this.currentLrs();
    const delta = this.endFactor - this.startFactor;
    return this.scaledLrs(1.0 + delta / (this.totalIters * this.startFactor + (e - 1) * delta));
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) =>
      linearFactor(b, this.lastEpoch, this.startFactor, this.endFactor, this.totalIters),
    );
  }
}
