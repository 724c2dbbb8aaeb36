/**
 * The 1cycle policy (Smith & Topin, 2017; fastai's two-phase variant by default) as pure
 * functions of the step: the phase table, the two annealing curves, and the learning rate and
 * momentum that `OneCycleLR` writes. Every function evaluates in PyTorch's order of
 * floating-point operations, so the class that calls them matches PyTorch.
 *
 * @packageDocumentation
 */
import { ValueError } from '../errors.ts';
import { pyFormat, pyRepr, trueDiv } from '../python.ts';

/** How `OneCycleLR` moves between two values inside a phase. */
export type AnnealStrategy = 'cos' | 'linear';

/** A param-group key holding one of the learning-rate landmarks of a 1cycle schedule. */
export type OneCycleLrKey = 'initial_lr' | 'max_lr' | 'min_lr';

/** A param-group key holding one of the momentum landmarks of a 1cycle schedule. */
export type OneCycleMomentumKey = 'max_momentum' | 'base_momentum';

/**
 * One phase of a 1cycle schedule, with PyTorch's keys verbatim (it is part of the state dict
 * as `_schedule_phases`). The `start_*`/`end_*` entries name param-group keys, not values.
 */
export interface SchedulePhase {
  /** The last step of the phase (a float for all but the final phase). */
  end_step: number;
  start_lr: OneCycleLrKey;
  end_lr: OneCycleLrKey;
  start_momentum: OneCycleMomentumKey;
  end_momentum: OneCycleMomentumKey;
}

/**
 * Cosine annealing from `start` (at `pct = 0`) to `end` (at `pct = 1`):
 *
 * $$v = v_{end} + \frac{v_{start} - v_{end}}{2}\,(\cos(\pi p) + 1)$$
 *
 * evaluated as `end + ((start − end) / 2.0)·(cos(π·pct) + 1)`, which is why the value at
 * `pct = 0` is not always exactly `start`.
 *
 * @param start - the value at the start of the phase.
 * @param end - the value at the end of the phase.
 * @param pct - the position in the phase; values outside `[0, 1]` extrapolate.
 * @example `annealingCos(1, 0, 0.5) === 0.5`
 */
export function annealingCos(start: number, end: number, pct: number): number {
  const cosOut = Math.cos(Math.PI * pct) + 1;
  return end + ((start - end) / 2.0) * cosOut;
}

/**
 * Linear annealing from `start` to `end`:
 *
 * $$v = (v_{end} - v_{start})\,p + v_{start}$$
 *
 * @param start - the value at the start of the phase.
 * @param end - the value at the end of the phase.
 * @param pct - the position in the phase.
 * @example `annealingLinear(1, 3, 0.5) === 2`
 */
export function annealingLinear(start: number, end: number, pct: number): number {
  return (end - start) * pct + start;
}

/**
 * The annealing function for a strategy name, as `OneCycleLR` looks it up from its
 * `_anneal_func_type` state at every step.
 *
 * @param type - `'cos'` or `'linear'`.
 * @throws {@link ValueError} "Unknown _anneal_func_type: {type}" for anything else (possible only
 *   through a loaded state dict).
 */
export function annealFunction(type: string): (start: number, end: number, pct: number) => number {
  if (type === 'cos') return annealingCos;
  if (type === 'linear') return annealingLinear;
  throw new ValueError(`Unknown _anneal_func_type: ${pyFormat(type)}`);
}

/**
 * The total number of steps of a 1cycle schedule, validated as `OneCycleLR` does: `total_steps`
 * if given, else `epochs · steps_per_epoch`.
 *
 * JavaScript has one number type, so an integral float such as `100.0` (which PyTorch rejects)
 * is accepted here as the integer 100.
 *
 * @param totalSteps - PyTorch's `total_steps`, or `undefined`/`null`.
 * @param epochs - PyTorch's `epochs`, or `undefined`/`null`.
 * @param stepsPerEpoch - PyTorch's `steps_per_epoch`, or `undefined`/`null`.
 * @throws {@link ValueError} "Expected positive integer total_steps, but got {x}" (likewise for
 *   `epochs` and `steps_per_epoch`), or "You must define either total_steps OR (epochs AND
 *   steps_per_epoch)".
 * @example `oneCycleTotalSteps(undefined, 10, 50) === 500`
 */
export function oneCycleTotalSteps(
  totalSteps?: number | null,
  epochs?: number | null,
  stepsPerEpoch?: number | null,
): number {
  const positiveInteger = (name: string, value: number) => {
    if (!Number.isInteger(value) || value <= 0) {
      throw new ValueError(`Expected positive integer ${name}, but got ${pyRepr(value)}`);
    }
  };
  if (totalSteps !== undefined && totalSteps !== null) {
    positiveInteger('total_steps', totalSteps);
    return totalSteps;
  }
  // PyTorch ≥ 2.x: epochs without steps_per_epoch (or the reverse) gets this message; 1.13 raised a TypeError comparing None.
  if (
    epochs === undefined ||
    epochs === null ||
    stepsPerEpoch === undefined ||
    stepsPerEpoch === null
  ) {
    throw new ValueError('You must define either total_steps OR (epochs AND steps_per_epoch)');
  }
  positiveInteger('epochs', epochs);
  positiveInteger('steps_per_epoch', stepsPerEpoch);
  return epochs * stepsPerEpoch;
}

/**
 * The phase table of a 1cycle schedule over `T` steps with warm-up share `p`:
 *
 * | phase | last step | lr | momentum |
 * |---|---|---|---|
 * | 1 | `p·T − 1` | initial → max | max → base |
 * | 2 (two-phase) | `T − 1` | max → min | base → max |
 * | 2 (three-phase) | `2·p·T − 2` | max → initial | base → max |
 * | 3 (three-phase) | `T − 1` | initial → min | max → max |
 *
 * @param totalSteps - `T`.
 * @param pctStart - `p`, the share of the steps spent warming up.
 * @param threePhase - PyTorch's `three_phase`: the paper's schedule instead of fastai's.
 * @example `oneCyclePhases(10, 0.3, false)[0].end_step === 2`
 */
export function oneCyclePhases(
  totalSteps: number,
  pctStart: number,
  threePhase: boolean,
): SchedulePhase[] {
  const warmUp: SchedulePhase = {
    end_step: pctStart * totalSteps - 1,
    start_lr: 'initial_lr',
    end_lr: 'max_lr',
    start_momentum: 'max_momentum',
    end_momentum: 'base_momentum',
  };
  if (threePhase) {
    return [
      warmUp,
      {
        end_step: 2 * pctStart * totalSteps - 2,
        start_lr: 'max_lr',
        end_lr: 'initial_lr',
        start_momentum: 'base_momentum',
        end_momentum: 'max_momentum',
      },
      {
        end_step: totalSteps - 1,
        start_lr: 'initial_lr',
        end_lr: 'min_lr',
        start_momentum: 'max_momentum',
        end_momentum: 'max_momentum',
      },
    ];
  }
  return [
    warmUp,
    {
      end_step: totalSteps - 1,
      start_lr: 'max_lr',
      end_lr: 'min_lr',
      start_momentum: 'base_momentum',
      end_momentum: 'max_momentum',
    },
  ];
}

/**
 * Checks the share of steps spent warming up, as `OneCycleLR` does.
 *
 * JavaScript cannot tell `1` from `1.0`: PyTorch rejects the int `1` (and `0`) but accepts the
 * floats, and this accepts both.
 *
 * @throws {@link ValueError} "Expected float between 0 and 1 pct_start, but got {x}".
 */
export function checkPctStart(pctStart: number): void {
  // The port also rejects NaN, which PyTorch's comparisons let through (every lr then NaN).
  if (!(pctStart >= 0 && pctStart <= 1)) {
    throw new ValueError(`Expected float between 0 and 1 pct_start, but got ${pyRepr(pctStart)}`);
  }
}

/**
 * Checks the annealing strategy, as `OneCycleLR` does.
 *
 * @throws {@link ValueError} "anneal_strategy must be one of 'cos' or 'linear', instead got {x}".
 */
export function checkAnnealStrategy(strategy: string): asserts strategy is AnnealStrategy {
  if (strategy !== 'cos' && strategy !== 'linear') {
    // PyTorch ≥ 2.x: "must be one of"; 1.13 had the typo "must by one of".
    throw new ValueError(
      `anneal_strategy must be one of 'cos' or 'linear', instead got ${pyFormat(strategy)}`,
    );
  }
}

/**
 * Rejects a step past the end of the schedule. Step `T` itself is allowed (PyTorch extrapolates
 * one step beyond the last phase there); the error comes one step later.
 *
 * @param step - the step `s` (`last_epoch`).
 * @param totalSteps - `T`.
 * @throws {@link ValueError} "Tried to step {s} times. The specified number of total steps is {T}"
 *   for `s > T`.
 */
export function checkOneCycleStep(step: number, totalSteps: number): void {
  if (step > totalSteps) {
    // PyTorch ≥ 2.x prints s; 1.13 printed s + 1 (pytorch/pytorch#38170).
    throw new ValueError(
      `Tried to step ${pyRepr(step)} times. The specified number of total steps is ${pyRepr(totalSteps)}`,
    );
  }
}

/** The phase a step falls in and its position there. */
export interface PhasePosition {
  phase: SchedulePhase;
  /** `(s − start) / (end − start)`: 0 at the phase's start, 1 at its last step. */
  pct: number;
}

/**
 * Finds the first phase whose last step is at or after `step` (the final phase if none is) and
 * the position in it:
 *
 * $$p = \frac{s - s_{start}}{s_{end} - s_{start}}$$
 *
 * where `s_start` is the previous phase's last step (0.0 for the first phase).
 *
 * @param step - the step `s`.
 * @param phases - from {@link oneCyclePhases}.
 * @throws {@link ZeroDivisionError} "float division by zero" when the phase is empty, e.g. the
 *   first phase whenever `pct_start · total_steps = 1`, as Python raises.
 */
export function oneCyclePhaseAt(step: number, phases: readonly SchedulePhase[]): PhasePosition {
  let startStep = 0.0;
  for (let i = 0; i < phases.length; i += 1) {
    const phase = phases[i] as SchedulePhase;
    const endStep = phase.end_step;
    if (step <= endStep || i === phases.length - 1) {
      return { phase, pct: trueDiv(step - startStep, endStep - startStep) };
    }
    startStep = endStep;
  }
  throw new ValueError('a 1cycle schedule needs at least one phase');
}

/** A 1cycle schedule's keyword options for one param group, with `OneCycleLR`'s names. */
export interface OneCycleShapeOptions {
  max_lr: number;
  /** The number of steps; or give `epochs` and `steps_per_epoch`. */
  total_steps?: number | null;
  epochs?: number | null;
  steps_per_epoch?: number | null;
  /** Share of the steps spent warming up. Default 0.3. */
  pct_start?: number;
  /** Default `'cos'`. */
  anneal_strategy?: AnnealStrategy;
  /** `initial_lr = max_lr / div_factor`. Default 25. */
  div_factor?: number;
  /** `min_lr = initial_lr / final_div_factor`. Default 1e4. */
  final_div_factor?: number;
  /** Default `false`. */
  three_phase?: boolean;
}

/** Options of {@link oneCycleMomentum}. */
export interface OneCycleMomentumOptions extends OneCycleShapeOptions {
  /** The momentum at the learning-rate peak. Default 0.85. */
  base_momentum?: number;
  /** The momentum at the start and the end. Default 0.95. */
  max_momentum?: number;
}

/**
 * The learning-rate landmarks `OneCycleLR` stores in each param group.
 *
 * $$\eta_{initial} = \eta_{max} / d, \qquad \eta_{min} = \eta_{initial} / d_{final}$$
 *
 * @param maxLr - `max_lr`.
 * @param divFactor - `div_factor`.
 * @param finalDivFactor - `final_div_factor`.
 * @throws {@link ZeroDivisionError} "float division by zero" for a zero divisor.
 * @example `oneCycleLandmarks(1, 25, 1e4).initial_lr === 0.04`
 */
export function oneCycleLandmarks(
  maxLr: number,
  divFactor: number,
  finalDivFactor: number,
): Record<OneCycleLrKey, number> {
  const initialLr = trueDiv(maxLr, divFactor);
  return { initial_lr: initialLr, max_lr: maxLr, min_lr: trueDiv(initialLr, finalDivFactor) };
}

function resolveSchedule(options: OneCycleShapeOptions) {
  const totalSteps = oneCycleTotalSteps(
    options.total_steps,
    options.epochs,
    options.steps_per_epoch,
  );
  const pctStart = options.pct_start ?? 0.3;
  const phases = oneCyclePhases(totalSteps, pctStart, options.three_phase ?? false);
  checkPctStart(pctStart);
  const strategy = options.anneal_strategy ?? 'cos';
  checkAnnealStrategy(strategy);
  return { totalSteps, phases, anneal: annealFunction(strategy) };
}

/**
 * The learning rate `OneCycleLR` sets at step `s` for one param group: annealed from
 * `max_lr / div_factor` up to `max_lr` over the first `pct_start` of the steps, then down to
 * `initial_lr / final_div_factor` (through `initial_lr` first when `three_phase`).
 *
 * @param step - the step `s`; 0 is the value right after construction, `total_steps − 1` the
 *   last one of the schedule (`total_steps` itself extrapolates).
 * @param options - `OneCycleLR`'s keyword names, scalars only.
 * @throws {@link ValueError} with PyTorch's messages for invalid options, and "Tried to step {s}
 *   times. The specified number of total steps is {T}" for `s > T`.
 * @throws {@link ZeroDivisionError} when `s` falls in an empty phase (`pct_start · T = 1`).
 * @example
 * ```ts
 * oneCycleLr(2, { max_lr: 1, total_steps: 10 }); // 1 (the peak, at step 0.3·10 − 1)
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.OneCycleLR.html
 */
export function oneCycleLr(step: number, options: OneCycleShapeOptions): number {
  const { totalSteps, phases, anneal } = resolveSchedule(options);
  const values = oneCycleLandmarks(
    options.max_lr,
    options.div_factor ?? 25.0,
    options.final_div_factor ?? 1e4,
  );
  checkOneCycleStep(step, totalSteps);
  const { phase, pct } = oneCyclePhaseAt(step, phases);
  return anneal(values[phase.start_lr], values[phase.end_lr], pct);
}

/**
 * The momentum (or Adam's `beta1`) `OneCycleLR` sets at step `s` for one param group: it falls
 * from `max_momentum` to `base_momentum` while the learning rate rises, and back.
 *
 * @param step - the step `s`.
 * @param options - `OneCycleLR`'s keyword names, scalars only.
 * @throws {@link ValueError} and {@link ZeroDivisionError} as {@link oneCycleLr}.
 * @example
 * ```ts
 * oneCycleMomentum(2, { max_lr: 1, total_steps: 10 }); // 0.85 (base_momentum, at the lr peak)
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.OneCycleLR.html
 */
export function oneCycleMomentum(step: number, options: OneCycleMomentumOptions): number {
  const { totalSteps, phases, anneal } = resolveSchedule(options);
  const values: Record<OneCycleMomentumKey, number> = {
    max_momentum: options.max_momentum ?? 0.95,
    base_momentum: options.base_momentum ?? 0.85,
  };
  checkOneCycleStep(step, totalSteps);
  const { phase, pct } = oneCyclePhaseAt(step, phases);
  return anneal(values[phase.start_momentum], values[phase.end_momentum], pct);
}
