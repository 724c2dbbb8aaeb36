/**
 * The optimizers the schedulers drive: a faithful port of `torch.optim.SGD`, `torch.optim.Adam`
 * and `torch.optim.AdamW` over flat `Float64Array` parameters.
 *
 * @packageDocumentation
 */

export { Optimizer, type OptimizerStateDict } from './optimizer.ts';
export { SGD, type SGDOptions, type SGDParamGroupInput } from './sgd.ts';
export { Adam, type AdamOptions, type AdamParamGroupInput } from './adam.ts';
export { AdamW, type AdamWOptions, type AdamWParamGroupInput } from './adamw.ts';
export type { Param, ParamGroup, ParamGroupInput } from './types.ts';
