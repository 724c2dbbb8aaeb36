/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum, weight decay and
 * maximization: PyTorch's `torch.optim.SGD`.
 *
 * @packageDocumentation
 */

import { ValueError } from '../errors.ts';
import { pyFormat } from '../python.ts';
import { checkOptionKeys, Optimizer } from './optimizer.ts';
import type { Param, ParamGroup, ParamGroupInput } from './types.ts';

/** Options of {@link SGD}, keys as in PyTorch. Every key may also be set per param group. */
export interface SGDOptions {
  /** Learning rate γ (default `1e-3`, newest PyTorch's default; 1.13 required it). */
  lr?: number;
  /** Momentum factor μ (default `0`). */
  momentum?: number;
  /** Dampening τ for momentum (default `0`). */
  dampening?: number;
  /** Weight decay λ, an L2 penalty added to the gradient (default `0`). */
  weight_decay?: number;
  /** Use Nesterov momentum (default `false`); needs `momentum > 0` and `dampening = 0`. */
  nesterov?: boolean;
  /** Maximize the objective instead of minimizing it (default `false`). */
  maximize?: boolean;
}

/** A param group for {@link SGD}: parameters plus any options that differ from the defaults. */
export type SGDParamGroupInput = ParamGroupInput & SGDOptions;

const SGD_KEYS = ['lr', 'momentum', 'dampening', 'weight_decay', 'nesterov', 'maximize'] as const;

/**
 * Stochastic gradient descent, optionally with momentum: PyTorch's `torch.optim.SGD`.
 *
 * For each parameter θ with gradient g, at step t:
 *
 * ```text
 * g ← −g                         if maximize
 * g ← g + λ·θ                    if λ ≠ 0
 * b ← g                          if μ ≠ 0 and t = 1  (the buffer starts at the gradient)
 * b ← μ·b + (1 − τ)·g            if μ ≠ 0 and t > 1
 * g ← g + μ·b  (nesterov)  or  g ← b                 if μ ≠ 0
 * θ ← θ − γ·g
 * ```
 *
 * Each element is computed with PyTorch's order of floating-point operations
 * (`a + alpha * b` for `add(b, alpha)`, one rounding each), so trajectories agree bit for bit
 * with PyTorch's single-tensor path on its portable CPU kernels (the AVX2 kernels fuse
 * multiply-adds and differ in the last bits). The momentum buffer is kept in `state` as `momentum_buffer`, only
 * when the group's momentum is non-zero (as in newest PyTorch; 1.13 also stored `null`).
 * PyTorch's `foreach`, `fused` and `differentiable` options do not apply and are not accepted.
 *
 * @example
 * ```ts
 * const w: Param = { data: Float64Array.of(1, -1), grad: null };
 * const opt = new SGD([w], { lr: 0.1, momentum: 0.9, weight_decay: 1e-4 });
 * w.grad = Float64Array.of(2, -2);
 * opt.step();
 * ```
 *
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html
 */
export class SGD extends Optimizer {
  /**
   * @param params - the parameters, or param groups with their own options.
   * @param options - options for every group that does not set its own.
   * @throws {@link PyTypeError} for an option key SGD does not take.
   * @throws {@link ValueError} with PyTorch's messages, checked in PyTorch's order:
   *   `"Invalid learning rate: {lr}"` if `lr < 0`, `"Invalid momentum value: {momentum}"` if
   *   `momentum < 0`, `"Invalid weight_decay value: {weight_decay}"` if `weight_decay < 0`,
   *   `"Nesterov momentum requires a momentum and zero dampening"`. Numbers print as Python's
   *   `repr`, except that JavaScript cannot tell a float from an int: PyTorch's `-1.0` reads
   *   `-1` here. NaN passes these checks, as in PyTorch.
   *   Param groups' own options are not checked, as in PyTorch.
   */
  constructor(params: readonly Param[] | readonly SGDParamGroupInput[], options: SGDOptions = {}) {
    checkOptionKeys('SGD', options, SGD_KEYS);
    const lr = options.lr ?? 1e-3;
    const momentum = options.momentum ?? 0;
    const dampening = options.dampening ?? 0;
    const weightDecay = options.weight_decay ?? 0;
    const nesterov = options.nesterov ?? false;
    const maximize = options.maximize ?? false;
    if (lr < 0) throw new ValueError(`Invalid learning rate: ${pyFormat(lr)}`);
    if (momentum < 0) throw new ValueError(`Invalid momentum value: ${pyFormat(momentum)}`);
    if (weightDecay < 0) {
      throw new ValueError(`Invalid weight_decay value: ${pyFormat(weightDecay)}`);
    }
    if (nesterov && (momentum <= 0 || dampening !== 0)) {
      throw new ValueError('Nesterov momentum requires a momentum and zero dampening');
    }
    super(params, {
      lr,
      momentum,
      dampening,
      weight_decay: weightDecay,
      nesterov,
      maximize,
    });
  }

  /**
   * Updates every parameter that has a gradient; see {@link SGD} for the formula.
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

  private stepGroup(group: ParamGroup): void {
    const lr = group.lr;
    const momentum = group['momentum'] as number;
    const dampening = group['dampening'] as number;
    const weightDecay = group['weight_decay'] as number;
    const nesterov = group['nesterov'] as boolean;
    const maximize = group['maximize'] as boolean;
    const negLr = -lr;
    const bufAlpha = 1 - dampening;
    for (const param of group.params) {
      const grad = param.grad;
      if (grad === null) continue;
      const theta = param.data;
      let buf: Float64Array | undefined;
      let first = false;
      if (momentum !== 0) {
        let state = this.state.get(param);
        if (state === undefined) {
          state = {};
          this.state.set(param, state);
        }
        const saved = state['momentum_buffer'];
        if (saved instanceof Float64Array) {
          buf = saved;
        } else {
          buf = new Float64Array(theta.length);
          state['momentum_buffer'] = buf;
          first = true;
        }
      }
      for (let i = 0; i < theta.length; i++) {
        let d = maximize ? -(grad[i] as number) : (grad[i] as number);
        if (weightDecay !== 0) d = d + weightDecay * (theta[i] as number);
        if (buf !== undefined) {
          const b = first ? d : (buf[i] as number) * momentum + bufAlpha * d;
          buf[i] = b;
          d = nesterov ? d + momentum * b : b;
        }
        theta[i] = (theta[i] as number) + negLr * d;
      }
    }
  }
}
