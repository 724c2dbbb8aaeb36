import { ValueError } from '../errors.ts';
import { cosineAnnealing, warmRestartPosition } from '../functional/cosine.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { pyRepr } from '../python.ts';
import { LRScheduler, type LRSchedulerOptions, type StateKeys } from './lr-scheduler.ts';

/** Options of {@link CosineAnnealingWarmRestarts}. */
export interface CosineAnnealingWarmRestartsOptions extends LRSchedulerOptions {
  /** Length of the first cycle, in epochs (positive integer). */
  T_0: number;
  /** Factor by which each cycle is longer than the previous one (integer ≥ 1). Default `1`. */
  T_mult?: number;
  /** Minimum learning rate. Default `0.0`. */
  eta_min?: number;
}

/**
 * Cosine annealing with warm restarts, SGDR (`torch.optim.lr_scheduler.CosineAnnealingWarmRestarts`):
 *
 * $$\eta_t = \eta_{min} + \tfrac12(\eta_0 - \eta_{min})\left(1 + \cos\frac{T_{cur}\pi}{T_i}\right)$$
 *
 * where `T_cur` counts epochs since the last restart and the `i`-th cycle lasts
 * `T_i = T_0·T_mult^i` epochs, so restarts fall at `T_0 (T_mult^i − 1)/(T_mult − 1)`.
 *
 * `step()` advances one epoch; `step(epoch)` accepts fractional epochs for per-batch
 * stepping (`scheduler.step(epoch + i / iters)`) and, unlike other schedulers, emits no
 * deprecation warning. With `T_mult > 1` an explicit epoch is placed in its cycle with
 * Python's `math.log`, reproduced bit for bit (see {@link warmRestartPosition}).
 *
 * @example
 * ```ts
 * const scheduler = new CosineAnnealingWarmRestarts(optimizer, { T_0: 5, T_mult: 2, eta_min: 1e-5 });
 * for (let epoch = 0; epoch < 35; epoch++) {
 *   for (let i = 0; i < iters; i++) {
 *     optimizer.step();
 *     scheduler.step(epoch + i / iters);
 *   }
 * }
 * ```
 * @throws {@link ValueError} "Expected positive integer T_0, but got {T_0}",
 *   "Expected integer T_mult >= 1, but got {T_mult}", "Expected float or int eta_min, but got
 *   {eta_min} of type {type}", and from `step(epoch)`: "Expected non-negative epoch, but got {epoch}".
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingWarmRestarts.html
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  T_0: number;
  T_i: number;
  T_mult: number;
  etaMin: number;
  T_cur: number;
  protected override readonly stateKeys: StateKeys = [
    ['T_0', 'T_0'],
    ['T_i', 'T_i'],
    ['T_mult', 'T_mult'],
    ['eta_min', 'etaMin'],
    ['T_cur', 'T_cur'],
  ];

  constructor(optimizer: Optimizer, options: CosineAnnealingWarmRestartsOptions) {
    const { T_0, T_mult = 1, eta_min = 0.0 } = options;
    if (typeof T_0 !== 'number' || !Number.isInteger(T_0) || T_0 <= 0) {
      throw new ValueError(`Expected positive integer T_0, but got ${pyRepr(T_0)}`);
    }
    if (typeof T_mult !== 'number' || !Number.isInteger(T_mult) || T_mult < 1) {
      throw new ValueError(`Expected integer T_mult >= 1, but got ${pyRepr(T_mult)}`);
    }
    // PyTorch ≥ 2.x checks eta_min's type (1.13 accepted a string).
    if (typeof eta_min !== 'number') {
      throw new ValueError(
        `Expected float or int eta_min, but got ${String(eta_min)} of type <class '${typeof eta_min === 'string' ? 'str' : typeof eta_min}'>`,
      );
    }
    const lastEpoch = options.last_epoch ?? -1;
    super(optimizer, lastEpoch);
    this.T_0 = T_0;
    this.T_i = T_0;
    this.T_mult = T_mult;
    this.etaMin = eta_min;
    this.T_cur = lastEpoch;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    const out = new Array<number>(this.baseLrs.length);
    for (let i = 0; i < out.length; i += 1) {
      out[i] = cosineAnnealing(this.baseLrs[i] as number, this.etaMin, this.T_cur, this.T_i);
    }
    return out;
  }

  /**
   * Advances to the next epoch, or jumps to `epoch` (fractional allowed). Never increments the
   * step count and never warns, as in PyTorch.
   *
   * @throws {@link ValueError} "Expected non-negative epoch, but got {epoch}".
   */
  override step(epoch?: number): void {
    let target = epoch;
    if (target === undefined && this.lastEpoch < 0) target = 0;
    if (target === undefined) {
      target = this.lastEpoch + 1;
      this.T_cur = this.T_cur + 1;
      if (this.T_cur >= this.T_i) {
        // PyTorch ≥ 2.2 wraps with modulo (1.13 subtracted T_i once).
        this.T_cur = this.T_cur % this.T_i;
        this.T_i = this.T_i * this.T_mult;
      }
    } else {
      const position = warmRestartPosition(target, this.T_0, this.T_mult);
      this.T_cur = position.T_cur;
      this.T_i = position.T_i;
    }
    this.lastEpoch = Math.floor(target);
    this.writeLrs(this.getLrWithinStep());
  }
}
