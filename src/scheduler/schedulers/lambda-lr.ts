import { ValueError } from '../errors.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { LRScheduler, type LRSchedulerOptions, type StateDict } from './lr-scheduler.ts';

/** A multiplicative factor as a function of the epoch (PyTorch's `lr_lambda`). */
export type LrLambda = (epoch: number) => number;

/** Options of {@link LambdaLR} and {@link MultiplicativeLR}. */
export interface LambdaLROptions extends LRSchedulerOptions {
  /** One function for every group, or one per group. */
  lr_lambda: LrLambda | readonly LrLambda[];
}

/** PyTorch's handling of `lr_lambda`: one function reused, or a list checked for length. */
export function lambdasPerGroup(optimizer: Optimizer, lrLambda: LambdaLROptions['lr_lambda']) {
  const groups = optimizer.paramGroups.length;
  if (!Array.isArray(lrLambda)) return new Array<LrLambda>(groups).fill(lrLambda as LrLambda);
  if (lrLambda.length !== groups) {
    throw new ValueError(`Expected ${groups} lr_lambdas, but got ${lrLambda.length}`);
  }
  return [...lrLambda];
}

/**
 * The state of functions in `lr_lambdas`: PyTorch saves `None` for plain functions and the
 * attribute dict of callable objects. JavaScript functions have no such dict, so every entry is
 * `null`, which PyTorch's `load_state_dict` skips.
 */
export function lambdaState(lambdas: readonly LrLambda[]): null[] {
  return lambdas.map(() => null);
}

/**
 * Sets each group's learning rate to its base rate times a function of the epoch
 * (`torch.optim.lr_scheduler.LambdaLR`).
 *
 * $$\eta_e = \eta_0 \cdot \lambda(e)$$
 *
 * Closed form: it ignores the current learning rate, so it overrides any scheduler stepped
 * before it on the same optimizer.
 *
 * @example
 * ```ts
 * const scheduler = new LambdaLR(optimizer, { lr_lambda: (epoch) => 0.95 ** epoch });
 * ```
 * @throws {@link ValueError} "Expected {G} lr_lambdas, but got {n}" for a list of the wrong length.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.LambdaLR.html
 */
export class LambdaLR extends LRScheduler {
  lrLambdas: LrLambda[];

  constructor(optimizer: Optimizer, options: LambdaLROptions) {
    const lrLambdas = lambdasPerGroup(optimizer, options.lr_lambda);
    super(optimizer, options.last_epoch ?? -1);
    this.lrLambdas = lrLambdas;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    const out = new Array<number>(this.baseLrs.length);
    for (let i = 0; i < out.length; i += 1) {
      out[i] = (this.baseLrs[i] as number) * (this.lrLambdas[i] as LrLambda)(this.lastEpoch);
    }
    return out;
  }

  override stateDict(): StateDict {
    return { ...super.stateDict(), lr_lambdas: lambdaState(this.lrLambdas) };
  }
}
