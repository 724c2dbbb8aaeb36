import { exponentialDecay } from '../functional/step-decay.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { LRScheduler, type LRSchedulerOptions, type StateKeys } from './lr-scheduler.ts';

/** Options of {@link ExponentialLR}. */
export interface ExponentialLROptions extends LRSchedulerOptions {
  /** Multiplicative factor of decay per epoch. */
  gamma: number;
}

/**
 * Decays each group's learning rate by `gamma` every epoch
 * (`torch.optim.lr_scheduler.ExponentialLR`).
 *
 * $$\eta_e = \eta_0\,\gamma^{e}$$
 *
 * @example
 * ```ts
 * const scheduler = new ExponentialLR(optimizer, { gamma: 0.95 });
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ExponentialLR.html
 */
export class ExponentialLR extends LRScheduler {
  gamma: number;
  protected override readonly stateKeys: StateKeys = [['gamma', 'gamma']];

  constructor(optimizer: Optimizer, options: ExponentialLROptions) {
    super(optimizer, options.last_epoch ?? -1);
    this.gamma = options.gamma;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    // PyTorch ≥ 2.x tests initial mode, so a resume construction leaves the lr unchanged; 1.13 tested e == 0.
    if (this._isInitial) return this.currentLrs();
    return this.scaledLrs(this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => exponentialDecay(b, this.lastEpoch, this.gamma));
  }
}
