/**
 * The engine's class of every scheduler the widgets draw, for the model's `provideSchedulers`
 * (`model.ts`): the `ScheduleChart` element, the build and the tests provide them all at once; the
 * playground loads them as a chunk of its own (see `../playground/load-parts.ts`), as its default
 * chart needs only `CosineAnnealingLR`.
 *
 * @module
 */
import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  MultiplicativeLR,
  MultiStepLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  SequentialLR,
  StepLR,
} from '../../scheduler/index.ts';
import type { SchedulerClass, SchedulerClasses } from './model.ts';

/** Every scheduler class, by name. */
export const schedulerClasses: SchedulerClasses = {
  StepLR,
  MultiStepLR,
  ConstantLR,
  LinearLR,
  ExponentialLR,
  PolynomialLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  OneCycleLR,
  ReduceLROnPlateau: ReduceLROnPlateau as unknown as SchedulerClass,
  LambdaLR,
  MultiplicativeLR,
  SequentialLR,
  ChainedScheduler,
};
