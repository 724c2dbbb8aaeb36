import { polynomialDecay } from '../functional/step-decay.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { LRScheduler, type LRSchedulerOptions, type StateKeys } from './lr-scheduler.ts';

/** Options of {@link PolynomialLR}. */
export interface PolynomialLROptions extends LRSchedulerOptions {
  /** Number of epochs over which the rate decays to 0. Default `5`. */
  total_iters?: number;
  /** Power of the polynomial. Default `1.0`. */
  power?: number;
}

/**
 * Decays each group's learning rate polynomially to exactly 0 over `total_iters` epochs
 * (`torch.optim.lr_scheduler.PolynomialLR`).
 *
 * $$\eta_e = \eta_0\left(1 - \frac{\min(e, T)}{T}\right)^{p}$$
 *
 * Stepped recursively with the ratio `((1 − e/T) / (1 − (e−1)/T))^p`.
 *
 * @example
 * ```ts
 * const scheduler = new PolynomialLR(optimizer, { total_iters: 50, power: 0.9 });
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.PolynomialLR.html
 */
export class PolynomialLR extends LRScheduler {
  totalIters: number;
  power: number;
  protected override readonly stateKeys: StateKeys = [
    ['total_iters', 'totalIters'],
    ['power', 'power'],
  ];

  constructor(optimizer: Optimizer, options: PolynomialLROptions = {}) {
    super(optimizer, options.last_epoch ?? -1);
    this.totalIters = options.total_iters ?? 5;
    this.power = options.power ?? 1.0;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    const e = this.lastEpoch;
    const T = this.totalIters;
    if (this._isInitial || e > T) return this.currentLrs();
    return this.scaledLrs(((1.0 - e / T) / (1.0 - (e - 1) / T)) ** this.power);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => polynomialDecay(b, this.lastEpoch, this.totalIters, this.power));
  }
}
