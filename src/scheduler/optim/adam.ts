/**
 * The Adam optimizer (and, with `decoupled_weight_decay`, AdamW): PyTorch's `torch.optim.Adam`.
 *
 * @packageDocumentation
 */

import { crPowInt } from '../math/pow-int.ts';
import { KeyError, ValueError } from '../errors.ts';
import { pyFormat } from '../python.ts';
import { checkOptionKeys, Optimizer } from './optimizer.ts';
import type { Param, ParamGroup, ParamGroupInput } from './types.ts';

/** Options of {@link Adam}, keys as in PyTorch. Every key may also be set per param group. */
export interface AdamOptions {
  /** Learning rate γ (default `1e-3`). */
  lr?: number;
  /** Decay rates (β₁, β₂) of the moment estimates (default `[0.9, 0.999]`). */
  betas?: [number, number];
  /** ε added to the denominator (default `1e-8`). */
  eps?: number;
  /** Weight decay λ (default `0`): an L2 penalty, or decoupled if `decoupled_weight_decay`. */
  weight_decay?: number;
  /** Use the AMSGrad variant, dividing by the running maximum of v̂ (default `false`). */
  amsgrad?: boolean;
  /** Maximize the objective instead of minimizing it (default `false`). */
  maximize?: boolean;
  /** Decay the weights directly, as AdamW does, instead of through the gradient (default `false`). */
  decoupled_weight_decay?: boolean;
}

/** A param group for {@link Adam}: parameters plus any options that differ from the defaults. */
export type AdamParamGroupInput = ParamGroupInput & AdamOptions;

const ADAM_KEYS = [
  'lr',
  'betas',
  'eps',
  'weight_decay',
  'amsgrad',
  'maximize',
  'decoupled_weight_decay',
] as const;

/**
 * Adam: PyTorch's `torch.optim.Adam`, single-tensor path.
 *
 * For each parameter θ with gradient g, with the step count t incremented first:
 *
 * ```text
 * g ← −g                               if maximize
 * θ ← θ·(1 − γ·λ)                      if λ ≠ 0 and decoupled_weight_decay
 * g ← g + λ·θ                          if λ ≠ 0 otherwise
 * m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + ((1 − β₂)·g)·g
 * v_max ← max(v_max, v)                if amsgrad (and v_max is used below instead of v)
 * denom ← √v / √(1 − β₂ᵗ) + ε
 * θ ← θ + (−γ / (1 − β₁ᵗ))·m / denom
 * ```
 *
 * Every element follows PyTorch's order of floating-point operations (`addcmul` as
 * `self + (value·t1)·t2`, `addcdiv` as `self + (value·t1)/t2`), and `βᵗ` is correctly rounded
 * as glibc's `pow` nearly always is, so trajectories follow PyTorch's single-tensor path on its
 * portable CPU kernels (bit for bit for SGD and the second moment). The first moment follows newest PyTorch,
 * `m.lerp_(g, 1 − β₁)` with ATen's lerp (`m + w·(g − m)` for `|w| < 0.5`, else
 * `g − (g − m)·(1 − w)`); PyTorch 1.13 computed `m·β₁ + (1 − β₁)·g`, equal in exact arithmetic,
 * so trajectories differ from the 1.13 fixtures by rounding only (relative error below 1e-12).
 *
 * State per parameter, keys as in PyTorch: `step` (a number, where PyTorch keeps a float32
 * tensor), `exp_avg`, `exp_avg_sq` and, with AMSGrad, `max_exp_avg_sq`. PyTorch's `foreach`,
 * `fused`, `capturable` and `differentiable` options do not apply and are not accepted.
 *
 * @example
 * ```ts
 * const w: Param = { data: Float64Array.of(1, -1), grad: null };
 * const opt = new Adam([w], { lr: 0.01, betas: [0.9, 0.99] });
 * w.grad = Float64Array.of(2, -2);
 * opt.step();
 * ```
 *
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html
 */
export class Adam extends Optimizer {
  /**
   * @param params - the parameters, or param groups with their own options.
   * @param options - options for every group that does not set its own.
   * @throws {@link PyTypeError} for an option key Adam does not take.
   * @throws {@link ValueError} with PyTorch's messages, in PyTorch's order:
   *   `"Invalid learning rate: {lr}"` unless `0 ≤ lr`, `"Invalid epsilon value: {eps}"` unless
   *   `0 ≤ eps`, `"Invalid beta parameter at index 0: {β₁}"` unless `0 ≤ β₁ < 1`, the same for
   *   index 1, `"Invalid weight_decay value: {weight_decay}"` unless `0 ≤ weight_decay` (so NaN
   *   fails each check, and prints `nan`), then `"betas must be either both floats or both
   *   Tensors"` for non-numbers. Numbers print as Python's `repr`, except that JavaScript
   *   cannot tell a float from an int: PyTorch's `"...: 1.0"` reads `"...: 1"` here.
   *   Param groups' own options are not checked, as in PyTorch.
   */
  constructor(
    params: readonly Param[] | readonly AdamParamGroupInput[],
    options: AdamOptions = {},
  ) {
    checkOptionKeys('Adam', options, ADAM_KEYS);
    super(params, resolveAdamOptions(options));
  }

  /**
   * Updates every parameter that has a gradient; see {@link Adam} for the formula.
   *
   * @param closure - optional; re-evaluates the model, sets gradients, returns the loss.
   * @returns the closure's loss, or `undefined`.
   */
  override step(closure?: () => number): number | undefined {
    this._optCalled = true;
    const loss = closure === undefined ? undefined : closure();
    for (const group of this.paramGroups) this.stepGroup(group);
    return loss;
  }

  /** Newest PyTorch's `Adam.__setstate__`: groups saved without these options get defaults. */
  protected override setStateDefaults(group: ParamGroup): void {
    if (!('amsgrad' in group)) group['amsgrad'] = false;
    if (!('maximize' in group)) group['maximize'] = false;
    if (!('decoupled_weight_decay' in group)) group['decoupled_weight_decay'] = false;
  }

  private stepGroup(group: ParamGroup): void {
    const [beta1, beta2] = group['betas'] as [number, number];
    const lr = group.lr;
    const eps = group['eps'] as number;
    const weightDecay = group['weight_decay'] as number;
    const amsgrad = group['amsgrad'] as boolean;
    const maximize = group['maximize'] as boolean;
    const decoupled = group['decoupled_weight_decay'] === true;
    const avgWeight = 1 - beta1;
    const smallWeight = Math.abs(avgWeight) < 0.5;
    const sqWeight = 1 - beta2;
    const decay = 1 - lr * weightDecay;
    // Parameters of a group usually share their step count, and with it the bias corrections.
    let cachedStep = NaN;
    let negStepSize = NaN;
    let biasCorrection2Sqrt = NaN;
    for (const param of group.params) {
      const grad = param.grad;
      if (grad === null) continue;
      const theta = param.data;
      let state = this.state.get(param);
      if (state === undefined) {
        state = {};
        this.state.set(param, state);
      }
      if (Object.keys(state).length === 0) {
        state['step'] = 0;
        state['exp_avg'] = new Float64Array(theta.length);
        state['exp_avg_sq'] = new Float64Array(theta.length);
        if (amsgrad) state['max_exp_avg_sq'] = new Float64Array(theta.length);
      }
      let maxExpAvgSq: Float64Array | undefined;
      if (amsgrad) {
        const saved = state['max_exp_avg_sq'];
        // As in PyTorch, switching AMSGrad on for a parameter that already has state fails.
        if (!(saved instanceof Float64Array)) throw new KeyError("'max_exp_avg_sq'");
        maxExpAvgSq = saved;
      }
      const step = (state['step'] as number) + 1;
      state['step'] = step;
      const expAvg = state['exp_avg'] as Float64Array;
      const expAvgSq = state['exp_avg_sq'] as Float64Array;

      if (step !== cachedStep) {
        cachedStep = step;
        const biasCorrection1 = 1 - crPowInt(beta1, step);
        const biasCorrection2 = 1 - crPowInt(beta2, step);
        negStepSize = -(lr / biasCorrection1);
        biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
      }

      for (let i = 0; i < theta.length; i++) {
        let g = maximize ? -(grad[i] as number) : (grad[i] as number);
        let t = theta[i] as number;
        if (weightDecay !== 0) {
          if (decoupled) t = t * decay;
          else g = g + weightDecay * t;
        }
        // Newest PyTorch: exp_avg.lerp_(grad, 1 − β₁), with ATen's two-sided lerp formula.
        const e = expAvg[i] as number;
        const m = smallWeight ? e + avgWeight * (g - e) : g - (g - e) * (1 - avgWeight);
        expAvg[i] = m;
        let v = (expAvgSq[i] as number) * beta2 + sqWeight * g * g;
        expAvgSq[i] = v;
        if (maxExpAvgSq !== undefined) {
          v = Math.max(maxExpAvgSq[i] as number, v);
          maxExpAvgSq[i] = v;
        }
        const denom = Math.sqrt(v) / biasCorrection2Sqrt + eps;
        theta[i] = t + (negStepSize * m) / denom;
      }
    }
  }
}

/** Checks Adam's options in PyTorch's order and fills in the defaults. */
function resolveAdamOptions(options: AdamOptions): Record<string, unknown> {
  const lr = options.lr ?? 1e-3;
  const betas = options.betas ?? [0.9, 0.999];
  const eps = options.eps ?? 1e-8;
  const weightDecay = options.weight_decay ?? 0;
  const [beta1, beta2] = betas;
  if (!(0 <= lr)) throw new ValueError(`Invalid learning rate: ${pyFormat(lr)}`);
  if (!(0 <= eps)) throw new ValueError(`Invalid epsilon value: ${pyFormat(eps)}`);
  if (!(0 <= beta1 && beta1 < 1)) {
    throw new ValueError(`Invalid beta parameter at index 0: ${pyFormat(beta1)}`);
  }
  if (!(0 <= beta2 && beta2 < 1)) {
    throw new ValueError(`Invalid beta parameter at index 1: ${pyFormat(beta2)}`);
  }
  if (!(0 <= weightDecay)) {
    throw new ValueError(`Invalid weight_decay value: ${pyFormat(weightDecay)}`);
  }
  if (typeof beta1 !== 'number' || typeof beta2 !== 'number') {
    throw new ValueError('betas must be either both floats or both Tensors');
  }
  return {
    lr,
    betas: [beta1, beta2],
    eps,
    weight_decay: weightDecay,
    amsgrad: options.amsgrad ?? false,
    maximize: options.maximize ?? false,
    decoupled_weight_decay: options.decoupled_weight_decay ?? false,
  };
}
