/**
 * A faithful TypeScript port of PyTorch's `torch.optim.lr_scheduler` and of the optimizers
 * `SGD`, `Adam` and `AdamW`, checked step by step against real PyTorch.
 *
 * The behaviour reproduced here is PyTorch's (https://github.com/pytorch/pytorch), © Facebook,
 * Inc. and its affiliates and the PyTorch contributors, BSD-3-Clause licence. This module is an
 * independent implementation of that behaviour; it contains no PyTorch code.
 *
 * API rule: class names as in PyTorch; methods and attributes in camelCase
 * (`get_last_lr()` → `getLastLr()`, `last_epoch` → `lastEpoch`); keyword arguments as one
 * options object with PyTorch's keys verbatim (`{ T_max: 10, eta_min: 1e-5 }`); dict keys
 * (param groups, state dicts) verbatim.
 *
 * @packageDocumentation
 */

export { ValueError, PyTypeError, ZeroDivisionError, KeyError, RuntimeError } from './errors.ts';
export { setWarningHandler, withoutWarnings, type WarningHandler } from './warnings.ts';

export { Optimizer, type OptimizerStateDict } from './optim/optimizer.ts';
export { SGD, type SGDOptions } from './optim/sgd.ts';
export { Adam, type AdamOptions } from './optim/adam.ts';
export { AdamW, type AdamWOptions } from './optim/adamw.ts';
export type { Param, ParamGroup, ParamGroupInput } from './optim/types.ts';

export {
  LRScheduler,
  EPOCH_DEPRECATION_WARNING,
  type Scheduler,
  type StateDict,
  type LRSchedulerOptions,
} from './schedulers/lr-scheduler.ts';
export { LambdaLR, type LambdaLROptions, type LrLambda } from './schedulers/lambda-lr.ts';
export { MultiplicativeLR } from './schedulers/multiplicative-lr.ts';
export { StepLR, type StepLROptions } from './schedulers/step-lr.ts';
export { MultiStepLR, type MultiStepLROptions } from './schedulers/multi-step-lr.ts';
export { ConstantLR, type ConstantLROptions } from './schedulers/constant-lr.ts';
export { LinearLR, type LinearLROptions } from './schedulers/linear-lr.ts';
export { ExponentialLR, type ExponentialLROptions } from './schedulers/exponential-lr.ts';
export { PolynomialLR, type PolynomialLROptions } from './schedulers/polynomial-lr.ts';
export {
  CosineAnnealingLR,
  type CosineAnnealingLROptions,
} from './schedulers/cosine-annealing-lr.ts';
export {
  CosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsOptions,
} from './schedulers/cosine-annealing-warm-restarts.ts';
export { SequentialLR, type SequentialLROptions } from './schedulers/sequential-lr.ts';
export { ChainedScheduler, type ChainedSchedulerOptions } from './schedulers/chained-scheduler.ts';
export { CyclicLR, type CyclicLROptions } from './schedulers/cyclic-lr.ts';
export { OneCycleLR, type OneCycleLROptions } from './schedulers/one-cycle-lr.ts';
export {
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
} from './schedulers/reduce-lr-on-plateau.ts';

export {
  stepDecay,
  multiStepDecay,
  constantFactor,
  linearFactor,
  exponentialDecay,
  polynomialDecay,
} from './functional/step-decay.ts';
export {
  cosineAnnealing,
  cosineWarmRestarts,
  warmRestartPosition,
  restartEpochs,
  type WarmRestartPosition,
} from './functional/cosine.ts';
export { cyclicLr, cyclicMomentum } from './functional/cyclic.ts';
export { oneCycleLr, oneCycleMomentum } from './functional/one-cycle.ts';
export { crLog, pyLog } from './math/py-log.ts';

export { sampleSchedule, type SampleOptions, type SampledSchedule } from './sample.ts';
export { differences, type Difference, type DifferenceKind } from './differences.ts';
