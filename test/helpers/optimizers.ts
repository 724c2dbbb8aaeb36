/** Small optimizers and parameters for tests that build schedulers by hand. */
import { Optimizer, type Param, type ParamGroupInput } from '../../src/scheduler/index.ts';

/** A fresh parameter list: one scalar parameter without a gradient. */
export function scalarParams(): Param[] {
  return [{ data: Float64Array.of(0), grad: null }];
}

/** An optimizer with neither `momentum` nor `betas`, which momentum-cycling schedulers reject. */
export class MomentumlessOptimizer extends Optimizer {
  constructor(groups: ParamGroupInput[]) {
    super(groups, { lr: 0.1 });
  }
  step(): undefined {
    this._optCalled = true;
    return undefined;
  }
}
