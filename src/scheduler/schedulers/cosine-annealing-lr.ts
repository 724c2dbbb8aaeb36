import { cosineAnnealing } from '../functional/cosine.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { floorMod } from '../python.ts';
import { LRScheduler, type LRSchedulerOptions, type StateKeys } from './lr-scheduler.ts';

/** Options of {@link CosineAnnealingLR}. */
export interface CosineAnnealingLROptions extends LRSchedulerOptions {
  /** Half period: epochs from the base rate down to `eta_min`. */
  T_max: number;
  /** Minimum learning rate. Default `0.0`. */
  eta_min?: number;
}

/**
 * Cosine annealing without restarts (`torch.optim.lr_scheduler.CosineAnnealingLR`). The
 * schedule is SGDR's curve
 *
 * $$\eta_t = \eta_{min} + \tfrac12(\eta_0 - \eta_{min})\left(1 + \cos\frac{t\pi}{T_{max}}\right)$$
 *
 * but `step()` computes it recursively from the current rate, as PyTorch does, so it composes
 * with other schedulers on the same optimizer:
 *
 * $$\eta_t = \eta_{min} + (\eta_{t-1} - \eta_{min})\,\frac{1 + \cos(t\pi/T_{max})}{1 + \cos((t-1)\pi/T_{max})}$$
 *
 * with an additive step where the denominator would vanish (`t ≡ T_max + 1 mod 2T_max`).
 * There is no clamp: after `T_max` the rate rises again, with period `2·T_max`.
 *
 * @example
 * ```ts
 * const scheduler = new CosineAnnealingLR(optimizer, { T_max: 10, eta_min: 1e-5 });
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   optimizer.step();
 *   scheduler.step();
 * }
 * ```
 * @throws {@link ZeroDivisionError} "integer modulo by zero" at the first step when `T_max` is 0
 *   (PyTorch does not validate it).
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html
 */
export class CosineAnnealingLR extends LRScheduler {
  T_max: number;
  etaMin: number;
  protected override readonly stateKeys: StateKeys = [
    ['T_max', 'T_max'],
    ['eta_min', 'etaMin'],
  ];

  constructor(optimizer: Optimizer, options: CosineAnnealingLROptions) {
    super(optimizer, options.last_epoch ?? -1);
    this.T_max = options.T_max;
    this.etaMin = options.eta_min ?? 0.0;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    const e = this.lastEpoch;
    const T = this.T_max;
    const eta = this.etaMin;
    // PyTorch ≥ 2.x: initial mode leaves the lr unchanged (1.13 tested e == 0 and jumped to the closed form on resume).
    if (this._isInitial) return this.currentLrs();
    if (this._stepCount === 1 && e > 0) return this.closedFormLr();
    const out = this.currentLrs();
    // The additive restart avoids the 0/0 of the ratio at t = T_max + 1 (mod 2·T_max).
    if (floorMod(e - 1 - T, 2 * T) === 0) {
      const bump = 1 - Math.cos(Math.PI / T);
      for (let i = 0; i < out.length; i += 1) {
        out[i] = (out[i] as number) + (((this.baseLrs[i] as number) - eta) * bump) / 2;
      }
      return out;
    }
    const ratio = (1 + Math.cos((Math.PI * e) / T)) / (1 + Math.cos((Math.PI * (e - 1)) / T));
    for (let i = 0; i < out.length; i += 1) out[i] = ratio * ((out[i] as number) - eta) + eta;
    return out;
  }

  protected override closedFormLr(): number[] {
    const out = new Array<number>(this.baseLrs.length);
    for (let i = 0; i < out.length; i += 1) {
      out[i] = cosineAnnealing(this.baseLrs[i] as number, this.etaMin, this.lastEpoch, this.T_max);
    }
    return out;
  }
}
