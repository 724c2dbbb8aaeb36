import { stepDecay } from '../functional/step-decay.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { floorMod } from '../python.ts';
import { LRScheduler, type LRSchedulerOptions, type StateKeys } from './lr-scheduler.ts';

/** Options of {@link StepLR}. */
export interface StepLROptions extends LRSchedulerOptions {
  /** Period of learning-rate decay, in epochs. */
  step_size: number;
  /** Multiplicative factor of decay. Default `0.1`. */
  gamma?: number;
}

/**
 * Decays each group's learning rate by `gamma` every `step_size` epochs
 * (`torch.optim.lr_scheduler.StepLR`).
 *
 * $$\eta_e = \eta_0\,\gamma^{\lfloor e / \text{step\_size} \rfloor}$$
 *
 * Stepped recursively: at each multiple of `step_size` the current rate is multiplied by
 * `gamma` (so it composes with other schedulers); `step(epoch)` uses the closed form.
 *
 * @example
 * ```ts
 * const scheduler = new StepLR(optimizer, { step_size: 30, gamma: 0.1 });
 * ```
 * @throws {@link ZeroDivisionError} "integer modulo by zero" at the first step when `step_size` is 0 (PyTorch does not validate it).
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.StepLR.html
 */
export class StepLR extends LRScheduler {
  stepSize: number;
  gamma: number;
  protected override readonly stateKeys: StateKeys = [
    ['step_size', 'stepSize'],
    ['gamma', 'gamma'],
  ];

  constructor(optimizer: Optimizer, options: StepLROptions) {
    super(optimizer, options.last_epoch ?? -1);
    this.stepSize = options.step_size;
    this.gamma = options.gamma ?? 0.1;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    if (this.lastEpoch === 0 || floorMod(this.lastEpoch, this.stepSize) !== 0) {
      return this.currentLrs();
    }
    return this.scaledLrs(this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => stepDecay(b, this.lastEpoch, this.stepSize, this.gamma));
  }
}
