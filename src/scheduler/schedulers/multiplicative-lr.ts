import { PyTypeError } from '../errors.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { lambdaState, lambdasPerGroup, type LambdaLROptions, type LrLambda } from './lambda-lr.ts';
import { LRScheduler, type StateDict } from './lr-scheduler.ts';

/**
 * Multiplies each group's learning rate by a function of the epoch at every step
 * (`torch.optim.lr_scheduler.MultiplicativeLR`).
 *
 * $$\eta_e = \eta_{e-1} \cdot \lambda(e)$$
 *
 * Recursive (chainable); it has no closed form, so `step(epoch)` multiplies once.
 *
 * @example
 * ```ts
 * const scheduler = new MultiplicativeLR(optimizer, { lr_lambda: () => 0.95 });
 * ```
 * @throws {@link ValueError} for a list of the wrong length; {@link PyTypeError}
 *   "lr_lambda should be a function, but got {type}" for a non-function entry.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.MultiplicativeLR.html
 */
export class MultiplicativeLR extends LRScheduler {
  lrLambdas: LrLambda[];

  constructor(optimizer: Optimizer, options: LambdaLROptions) {
    const lrLambdas = lambdasPerGroup(optimizer, options.lr_lambda);
    for (const fn of lrLambdas as unknown[]) {
      // PyTorch ≥ 2.x checks callability; 1.13 accepted anything.
      if (typeof fn !== 'function') {
        const typeName =
          typeof fn === 'number' ? (Number.isInteger(fn) ? 'int' : 'float') : typeof fn;
        throw new PyTypeError(`lr_lambda should be a function, but got ${typeName}`);
      }
    }
    super(optimizer, options.last_epoch ?? -1);
    this.lrLambdas = lrLambdas;
    this.initialStep();
  }

  getLr(): number[] {
    this.warnIfOutsideStep();
    // PyTorch ≥ 2.x multiplies whenever not constructing (also at e = 0 via a SequentialLR milestone); 1.13 required e > 0.
    if (this._isInitial) return this.currentLrs();
    const out = this.currentLrs();
    for (let i = 0; i < out.length; i += 1) {
      out[i] = (out[i] as number) * (this.lrLambdas[i] as LrLambda)(this.lastEpoch);
    }
    return out;
  }

  override stateDict(): StateDict {
    return { ...super.stateDict(), lr_lambdas: lambdaState(this.lrLambdas) };
  }
}
