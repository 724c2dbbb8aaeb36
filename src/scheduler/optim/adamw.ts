/**
 * AdamW, Adam with decoupled weight decay: PyTorch's `torch.optim.AdamW`.
 *
 * @packageDocumentation
 */

import { Adam, type AdamOptions } from './adam.ts';
import { checkOptionKeys } from './optimizer.ts';
import type { Param, ParamGroup, ParamGroupInput } from './types.ts';

/** Options of {@link AdamW}: Adam's, except that the weight decay is always decoupled. */
export type AdamWOptions = Omit<AdamOptions, 'decoupled_weight_decay'>;

/** A param group for {@link AdamW}: parameters plus any options that differ from the defaults. */
export type AdamWParamGroupInput = ParamGroupInput & AdamWOptions;

const ADAMW_KEYS = ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'maximize'] as const;

/**
 * AdamW: Adam whose weight decay shrinks the weights directly, `θ ← θ·(1 − γ·λ)` before the
 * Adam update, instead of adding `λ·θ` to the gradient, so the decay is not rescaled by the
 * adaptive denominator (Loshchilov and Hutter, "Decoupled Weight Decay Regularization").
 *
 * As in newest PyTorch this is {@link Adam} with `decoupled_weight_decay: true` in every group,
 * and `weight_decay` defaults to `1e-2`. The update is otherwise Adam's; see {@link Adam}.
 *
 * @example
 * ```ts
 * const w: Param = { data: Float64Array.of(1, -1), grad: null };
 * const opt = new AdamW([w], { lr: 1e-3, weight_decay: 0.05 });
 * w.grad = Float64Array.of(2, -2);
 * opt.step();
 * ```
 *
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.AdamW.html
 */
export class AdamW extends Adam {
  /**
   * @param params - the parameters, or param groups with their own options.
   * @param options - options for every group that does not set its own.
   * @throws {@link PyTypeError} for an option key AdamW does not take, including
   *   `decoupled_weight_decay`.
   * @throws {@link ValueError} with Adam's messages; see {@link Adam}.
   */
  constructor(
    params: readonly Param[] | readonly AdamWParamGroupInput[],
    options: AdamWOptions = {},
  ) {
    checkOptionKeys('AdamW', options, ADAMW_KEYS);
    super(params, {
      ...options,
      weight_decay: options.weight_decay ?? 1e-2,
      decoupled_weight_decay: true,
    });
  }

  /** Newest PyTorch's `AdamW.__setstate__`: a loaded group is always decoupled. */
  protected override setStateDefaults(group: ParamGroup): void {
    super.setStateDefaults(group);
    group['decoupled_weight_decay'] = true;
  }
}
