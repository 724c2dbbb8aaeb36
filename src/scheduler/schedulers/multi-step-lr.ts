import { multiStepDecay } from '../functional/step-decay.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { LRScheduler, type LRSchedulerOptions, type StateKeys } from './lr-scheduler.ts';

/** Options of {@link MultiStepLR}. */
export interface MultiStepLROptions extends LRSchedulerOptions {
  /** Epochs at which to decay. Order does not matter; a repeated milestone decays again. */
  milestones: readonly number[];
  /** Multiplicative factor of decay. Default `0.1`. */
  gamma?: number;
}

/**
 * Decays each group's learning rate by `gamma` at each milestone
 * (`torch.optim.lr_scheduler.MultiStepLR`).
 *
 * $$\eta_e = \eta_0\,\gamma^{\#\{m \le e\}}$$
 *
 * `milestones` is a multiset (`milestones` in the state dict maps each epoch to its count, as
 * PyTorch's `Counter` does): duplicates compound, order is irrelevant.
 *
 * @example
 * ```ts
 * const scheduler = new MultiStepLR(optimizer, { milestones: [30, 80], gamma: 0.1 });
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.MultiStepLR.html
 */
export class MultiStepLR extends LRScheduler {
  /** Milestone epoch → multiplicity (PyTorch's `Counter`), with string keys as in JSON. */
  milestones: Record<string, number>;
  gamma: number;
  protected override readonly stateKeys: StateKeys = [
    ['milestones', 'milestones'],
    ['gamma', 'gamma'],
  ];

  constructor(optimizer: Optimizer, options: MultiStepLROptions) {
    super(optimizer, options.last_epoch ?? -1);
    this.milestones = {};
    for (const m of options.milestones) this.milestones[m] = (this.milestones[m] ?? 0) + 1;
    this.gamma = options.gamma ?? 0.1;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    const count = this.milestones[this.lastEpoch];
    if (count === undefined) return this.currentLrs();
    return this.scaledLrs(this.gamma ** count);
  }

  protected override closedFormLr(): number[] {
    const elements = Object.entries(this.milestones).flatMap(([m, c]) =>
      new Array<number>(c).fill(Number(m)),
    );
    return this.baseLrs.map((b) => multiStepDecay(b, this.lastEpoch, elements, this.gamma));
  }
}
