import { ValueError } from '../errors.ts';
import { constantFactor } from '../functional/step-decay.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { trueDiv } from '../python.ts';
import { LRScheduler, type LRSchedulerOptions, type StateKeys } from './lr-scheduler.ts';

/** Options of {@link ConstantLR}. */
export interface ConstantLROptions extends LRSchedulerOptions {
  /** Multiplier applied until `total_iters`. Default `1/3`. */
  factor?: number;
  /** Number of epochs the multiplier lasts. Default `5`. */
  total_iters?: number;
}

/**
 * Multiplies each group's learning rate by a constant `factor` for the first `total_iters`
 * epochs (`torch.optim.lr_scheduler.ConstantLR`), a simple warmup.
 *
 * $$\eta_e = \eta_0\,(f \text{ if } e < T \text{ else } 1)$$
 *
 * Recursive: multiplies by `factor` at epoch 0 and by `1.0 / factor` at `total_iters`, so the
 * restored rate can differ from the original in the last bit, exactly as in PyTorch.
 *
 * @example
 * ```ts
 * const scheduler = new ConstantLR(optimizer, { factor: 0.5, total_iters: 4 });
 * ```
 * @throws {@link ValueError} "Constant multiplicative factor expected to be between 0 and 1." for
 *   `factor` outside [0, 1]; {@link ZeroDivisionError} at `total_iters` when `factor` is 0.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ConstantLR.html
 */
export class ConstantLR extends LRScheduler {
  factor: number;
  totalIters: number;
  protected override readonly stateKeys: StateKeys = [
    ['factor', 'factor'],
    ['total_iters', 'totalIters'],
  ];

  constructor(optimizer: Optimizer, options: ConstantLROptions = {}) {
    const factor = options.factor ?? 1.0 / 3;
    if (factor > 1.0 || factor < 0 || Number.isNaN(factor)) {
      throw new ValueError('Constant multiplicative factor expected to be between 0 and 1.');
    }
    super(optimizer, options.last_epoch ?? -1);
    this.factor = factor;
    this.totalIters = options.total_iters ?? 5;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    if (this.lastEpoch === 0) return this.scaledLrs(this.factor);
    if (this.lastEpoch !== this.totalIters) return this.currentLrs();
    // PyTorch multiplies by the reciprocal rather than dividing (last-bit differences).
    return this.scaledLrs(trueDiv(1.0, this.factor));
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => constantFactor(b, this.lastEpoch, this.factor, this.totalIters));
  }
}
