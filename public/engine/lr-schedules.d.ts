/*! lr-schedules 0.1.0: a TypeScript port of PyTorch's torch.optim.lr_scheduler,
 *  SGD, Adam and AdamW. BSD-3-Clause. Reproduces the behaviour of PyTorch
 *  (https://github.com/pytorch/pytorch, BSD-3-Clause, (c) Facebook, Inc. and its affiliates
 *  and the PyTorch contributors); contains no PyTorch code. */
/** Why a difference exists. */
type DifferenceKind = 
/** Newest PyTorch changed the behaviour since 1.13; the port follows the newest. */
'newest-pytorch'
/** JavaScript cannot express the Python distinction (int vs float, callables' `__dict__`). */
 | 'javascript'
/** A deliberate choice of this port, stricter than PyTorch. */
 | 'port';

/** One documented difference. */
interface Difference {
    /** The class it concerns (an export of `src/scheduler`), or `'*'` for all schedulers. */
    subject: string;
    kind: DifferenceKind;
    en: string;
    'zh-cn': string;
}

/** The list the mapping page shows. */
declare const differences: readonly Difference[];
/**
 * Thrown for an invalid argument, where PyTorch raises `ValueError`.
 *
 * @example
 * ```ts
 * try {
 *   new CosineAnnealingWarmRestarts(opt, { T_0: 0 });
 * } catch (e) {
 *   if (e instanceof ValueError) console.log(e.message); // "Expected positive integer T_0, but got 0"
 * }
 * ```
 */
declare class ValueError extends Error {
    name: string;
}

/**
 * Thrown where PyTorch raises `TypeError` (for example a non-callable `lr_lambda`).
 * Named `PyTypeError` so it does not shadow JavaScript's built-in `TypeError`; it extends it.
 */
declare class PyTypeError extends TypeError {
    name: string;
}

/**
 * Thrown where Python would raise `ZeroDivisionError`; JavaScript would silently give
 * `Infinity` or `NaN` instead (for example `CosineAnnealingLR` with `T_max: 0`, which PyTorch
 * accepts and then fails on with "integer modulo by zero").
 */
declare class ZeroDivisionError extends Error {
    name: string;
}

/** Thrown where PyTorch raises `KeyError` (resuming without `initial_lr` in a param group). */
declare class KeyError extends Error {
    name: string;
}

/** Thrown where PyTorch raises `RuntimeError`. */
declare class RuntimeError extends Error {
    name: string;
}
/**
 * The cosine annealing curve of SGDR (Loshchilov & Hutter, 2017, eq. 5):
 *
 * $$\eta = \eta_{min} + \frac{(\eta_{max} - \eta_{min})\,(1 + \cos(\pi\,T_{cur} / T))}{2}$$
 *
 * evaluated in PyTorch's order: `η_min + (η_max − η_min)·(1 + cos((π·T_cur)/T)) / 2`.
 * `CosineAnnealingLR`'s closed form is this with `T_cur = epoch`, `T = T_max`; it does not
 * clamp, so past `T` the rate rises again.
 *
 * @param baseLr - `η_max`, the group's base learning rate.
 * @param etaMin - `η_min`.
 * @param tCur - position in the cycle (may be fractional).
 * @param period - `T` (`T_max`, or `T_i` for warm restarts).
 * @example `cosineAnnealing(0.1, 0, 5, 10) ≈ 0.05`
 */
declare function cosineAnnealing(baseLr: number, etaMin: number, tCur: number, period: number): number;

/** Position in a warm-restart schedule: PyTorch's `T_cur` and `T_i` for an epoch. */
interface WarmRestartPosition {
    /** Epochs since the last restart (`T_cur`), fractional for fractional epochs. */
    T_cur: number;
    /** Length of the current cycle (`T_i`). */
    T_i: number;
}

/**
 * Where an (explicit, possibly fractional) epoch falls in a `CosineAnnealingWarmRestarts`
 * schedule, exactly as PyTorch's `step(epoch)` computes it. For `T_mult > 1` the cycle index is
 *
 * $$n = \left\lfloor \log_{T_{mult}}\!\left(\frac{e}{T_0}(T_{mult} - 1) + 1\right) \right\rfloor$$
 *
 * computed, as Python does, as `log(x) / log(T_mult)` with glibc's correctly rounded `log`:
 * at a few restart epochs (for example epoch 121 with `T_0 = 1, T_mult = 3`) that quotient
 * rounds just below an integer and PyTorch stays in the previous cycle. This reproduces it.
 *
 * @param epoch - a non-negative epoch.
 * @param T_0 - the first cycle's length.
 * @param T_mult - the cycle-length multiplier (integer ≥ 1).
 * @throws {@link ValueError} "Expected non-negative epoch, but got {epoch}" for a negative epoch.
 */
declare function warmRestartPosition(epoch: number, T_0: number, T_mult: number): WarmRestartPosition;

/**
 * `CosineAnnealingWarmRestarts` as a pure function of an explicit epoch (what
 * `scheduler.step(epoch)` writes).
 *
 * @example `cosineWarmRestarts(0.1, 0, 15, 5, 2) === 0.1` (a restart)
 */
declare function cosineWarmRestarts(baseLr: number, etaMin: number, epoch: number, T_0: number, T_mult: number): number;

/**
 * The epochs at which `CosineAnnealingWarmRestarts` restarts (returns to the base rate):
 *
 * $$e_i = T_0\,\frac{T_{mult}^{\,i} - 1}{T_{mult} - 1}\quad(T_{mult} > 1),\qquad e_i = i\,T_0\quad(T_{mult} = 1)$$
 *
 * for `i = 1 … count`, in exact integer arithmetic. These are the epochs where implicit
 * `step()` calls restart; `step(epoch)` with explicit epochs agrees except where glibc's
 * logarithm rounds down (see {@link warmRestartPosition}).
 *
 * @param T_0 - positive integer.
 * @param T_mult - integer ≥ 1.
 * @param count - how many restarts to list.
 * @throws {@link ValueError} with PyTorch's messages for an invalid `T_0` or `T_mult`.
 * @example `restartEpochs(5, 2, 5)` → `[5, 15, 35, 75, 155]`
 */
declare function restartEpochs(T_0: number, T_mult: number, count: number): number[];
/** A built-in cycling policy of `CyclicLR`. */
type CyclicMode = 'triangular' | 'triangular2' | 'exp_range';

/**
 * What a scale function is evaluated on: the cycle number (`'cycle'`, starting at 1) or the
 * total number of steps so far (`'iterations'`; not the steps inside the current cycle).
 */
type CyclicScaleMode = 'cycle' | 'iterations';

/** A custom amplitude scaling `x ↦ f(x)` (PyTorch's `scale_fn`), expected in `[0, 1]`. */
type ScaleFunction = (x: number) => number;

/**
 * `'triangular'`: the amplitude is never scaled.
 *
 * $$f(x) = 1$$
 *
 * @param _x - the cycle number (ignored).
 * @returns `1.0`.
 */
declare function triangularScale(_x: number): number;

/**
 * `'triangular2'`: the amplitude halves every cycle.
 *
 * $$f(c) = \frac{1}{2^{c-1}}$$
 *
 * @param cycle - the cycle number `c` (1 for the first cycle).
 * @example `triangular2Scale(3) === 0.25`
 */
declare function triangular2Scale(cycle: number): number;

/**
 * `'exp_range'`: the amplitude decays by `gamma` at every step.
 *
 * $$f(n) = \gamma^{n}$$
 *
 * @param gamma - the decay per step.
 * @param iterations - the number of steps so far, `n`.
 * @example `expRangeScale(0.5, 3) === 0.125`
 */
declare function expRangeScale(gamma: number, iterations: number): number;

/** A resolved scaling: the function and what it is evaluated on. */
interface CyclicScaling {
    fn: ScaleFunction;
    scaleMode: CyclicScaleMode;
}

/**
 * PyTorch's choice of scale function: a custom `scaleFn` wins and keeps the caller's
 * `scaleMode`; otherwise `mode` picks the function and overrides `scaleMode` (`'cycle'` for the
 * triangular modes, `'iterations'` for `'exp_range'`).
 *
 * @param mode - the built-in policy (ignored when `scaleFn` is given).
 * @param gamma - `exp_range`'s decay per step.
 * @param scaleFn - a custom scaling, or `undefined`/`null` for none.
 * @param scaleMode - what a custom scaling is evaluated on.
 * @throws {@link ValueError} "mode is invalid and scale_fn is None" for an unknown mode without
 *   a custom scaling.
 * @example `cyclicScaling('exp_range', 0.9).scaleMode === 'iterations'`
 */
declare function cyclicScaling(mode: string, gamma: number, scaleFn?: ScaleFunction | null, scaleMode?: CyclicScaleMode): CyclicScaling;

/** The length of a cycle and the share of it spent rising. */
interface CyclicGeometry {
    /** `step_size_up + step_size_down` (`total_size`). */
    totalSize: number;
    /** `step_size_up / total_size` (`step_ratio`). */
    stepRatio: number;
}

/**
 * A cycle's length and rising share, as `CyclicLR` computes them at construction.
 *
 * $$T = s_{up} + s_{down},\qquad r = s_{up} / T$$
 *
 * Neither size is validated (PyTorch does not either): a zero or negative size gives a
 * degenerate cycle.
 *
 * @param stepSizeUp - steps from the lower to the upper bound.
 * @param stepSizeDown - steps back down; `undefined`/`null` means the same as `stepSizeUp`.
 * @throws {@link ZeroDivisionError} "float division by zero" when the sizes sum to 0.
 * @example `cyclicGeometry(2, 3)` → `{ totalSize: 5, stepRatio: 0.4 }`
 */
declare function cyclicGeometry(stepSizeUp: number, stepSizeDown?: number | null): CyclicGeometry;

/** Where a step falls in its cycle. */
interface CyclicPosition {
    /** The cycle number, 1 for the first cycle. */
    cycle: number;
    /** The fraction of the amplitude reached: 0 at the lower bound, 1 at the peak. */
    scaleFactor: number;
}

/**
 * The cycle number and the triangle wave's height at step `e`:
 *
 * $$c = \lfloor 1 + e/T \rfloor,\quad x = 1 + e/T - c,\quad
 *   h = \begin{cases} x / r & x \le r \\ (x - 1)/(r - 1) & x > r \end{cases}$$
 *
 * @param step - the step `e` (PyTorch's `last_epoch`).
 * @param geometry - from {@link cyclicGeometry}.
 * @throws {@link ZeroDivisionError} "float division by zero" for `totalSize = 0`, or at the start
 *   of a cycle when `stepRatio = 0` (`step_size_up = 0`), as Python raises.
 * @example `cyclicPosition(2, cyclicGeometry(2, 2))` → `{ cycle: 1, scaleFactor: 1 }`
 */
declare function cyclicPosition(step: number, geometry: CyclicGeometry): CyclicPosition;

/**
 * The learning rate at a given height of the wave:
 *
 * $$\eta = \eta_{base} + (\eta_{max} - \eta_{base})\,h\,f$$
 *
 * evaluated as `base + ((max − base)·h)·f`.
 *
 * @param baseLr - the lower bound.
 * @param maxLr - the upper bound.
 * @param scaleFactor - the height `h` from {@link cyclicPosition}.
 * @param scale - the amplitude scaling `f(cycle)` or `f(step)`.
 */
declare function cyclicLrValue(baseLr: number, maxLr: number, scaleFactor: number, scale: number): number;

/**
 * The momentum at a given height of the wave, cycling inversely to the learning rate:
 *
 * $$m = m_{max} - (m_{max} - m_{base})\,h\,f$$
 *
 * evaluated as `max − ((max − base)·h)·f`.
 *
 * @param baseMomentum - the momentum at the learning-rate peak.
 * @param maxMomentum - the momentum at the learning-rate minimum.
 * @param scaleFactor - the height `h` from {@link cyclicPosition}.
 * @param scale - the amplitude scaling `f(cycle)` or `f(step)`.
 */
declare function cyclicMomentumValue(baseMomentum: number, maxMomentum: number, scaleFactor: number, scale: number): number;

/** The shape of a cyclical schedule, with `CyclicLR`'s keyword names and defaults. */
interface CyclicShapeOptions {
    /** Steps from the lower to the upper bound. Default 2000. */
    step_size_up?: number;
    /** Steps back down. Default: `step_size_up`. */
    step_size_down?: number | null;
    /** Built-in policy, ignored when `scale_fn` is given. Default `'triangular'`. */
    mode?: CyclicMode;
    /** `exp_range`'s decay per step. Default 1.0. */
    gamma?: number;
    /** A custom amplitude scaling. */
    scale_fn?: ScaleFunction | null;
    /** What `scale_fn` is evaluated on. Default `'cycle'`. */
    scale_mode?: CyclicScaleMode;
}

/** Options of {@link cyclicLr}. */
interface CyclicLrOptions extends CyclicShapeOptions {
    base_lr: number;
    max_lr: number;
}

/** Options of {@link cyclicMomentum}. */
interface CyclicMomentumOptions extends CyclicShapeOptions {
    /** Default 0.8. */
    base_momentum?: number;
    /** Default 0.9. */
    max_momentum?: number;
}

/**
 * The learning rate `CyclicLR` sets at step `e` (its `last_epoch`) for one param group.
 *
 * $$\eta_e = \eta_{base} + (\eta_{max} - \eta_{base})\,h(e)\,f$$
 *
 * with `h` the triangle wave of {@link cyclicPosition} and `f` the mode's scaling.
 *
 * @param step - the step `e`; 0 is the value right after construction.
 * @param options - `CyclicLR`'s keyword names, scalars only.
 * @throws {@link ValueError} "mode is invalid and scale_fn is None".
 * @throws {@link ZeroDivisionError} for a degenerate cycle (see {@link cyclicPosition}).
 * @example
 * ```ts
 * cyclicLr(2, { base_lr: 0.25, max_lr: 1, step_size_up: 2 }); // 1 (the peak)
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CyclicLR.html
 */
declare function cyclicLr(step: number, options: CyclicLrOptions): number;

/**
 * The momentum (or Adam's `beta1`) `CyclicLR` sets at step `e` for one param group: high when
 * the learning rate is low.
 *
 * $$m_e = m_{max} - (m_{max} - m_{base})\,h(e)\,f$$
 *
 * @param step - the step `e`.
 * @param options - `CyclicLR`'s keyword names, scalars only.
 * @throws {@link ValueError} "mode is invalid and scale_fn is None".
 * @throws {@link ZeroDivisionError} for a degenerate cycle.
 * @example
 * ```ts
 * cyclicMomentum(2, { step_size_up: 2 }); // 0.8 (base_momentum, at the lr peak)
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CyclicLR.html
 */
declare function cyclicMomentum(step: number, options: CyclicMomentumOptions): number;
/** How `OneCycleLR` moves between two values inside a phase. */
type AnnealStrategy = 'cos' | 'linear';

/** A param-group key holding one of the learning-rate landmarks of a 1cycle schedule. */
type OneCycleLrKey = 'initial_lr' | 'max_lr' | 'min_lr';

/** A param-group key holding one of the momentum landmarks of a 1cycle schedule. */
type OneCycleMomentumKey = 'max_momentum' | 'base_momentum';

/**
 * One phase of a 1cycle schedule, with PyTorch's keys verbatim (it is part of the state dict
 * as `_schedule_phases`). The `start_*`/`end_*` entries name param-group keys, not values.
 */
interface SchedulePhase {
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
declare function annealingCos(start: number, end: number, pct: number): number;

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
declare function annealingLinear(start: number, end: number, pct: number): number;

/**
 * The annealing function for a strategy name, as `OneCycleLR` looks it up from its
 * `_anneal_func_type` state at every step.
 *
 * @param type - `'cos'` or `'linear'`.
 * @throws {@link ValueError} "Unknown _anneal_func_type: {type}" for anything else (possible only
 *   through a loaded state dict).
 */
declare function annealFunction(type: string): (start: number, end: number, pct: number) => number;

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
declare function oneCycleTotalSteps(totalSteps?: number | null, epochs?: number | null, stepsPerEpoch?: number | null): number;

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
declare function oneCyclePhases(totalSteps: number, pctStart: number, threePhase: boolean): SchedulePhase[];

/**
 * Checks the share of steps spent warming up, as `OneCycleLR` does.
 *
 * JavaScript cannot tell `1` from `1.0`: PyTorch rejects the int `1` (and `0`) but accepts the
 * floats, and this accepts both.
 *
 * @throws {@link ValueError} "Expected float between 0 and 1 pct_start, but got {x}".
 */
declare function checkPctStart(pctStart: number): void;

/**
 * Checks the annealing strategy, as `OneCycleLR` does.
 *
 * @throws {@link ValueError} "anneal_strategy must be one of 'cos' or 'linear', instead got {x}".
 */
declare function checkAnnealStrategy(strategy: string): asserts strategy is AnnealStrategy;

/**
 * Rejects a step past the end of the schedule. Step `T` itself is allowed (PyTorch extrapolates
 * one step beyond the last phase there); the error comes one step later.
 *
 * @param step - the step `s` (`last_epoch`).
 * @param totalSteps - `T`.
 * @throws {@link ValueError} "Tried to step {s} times. The specified number of total steps is {T}"
 *   for `s > T`.
 */
declare function checkOneCycleStep(step: number, totalSteps: number): void;

/** The phase a step falls in and its position there. */
interface PhasePosition {
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
declare function oneCyclePhaseAt(step: number, phases: readonly SchedulePhase[]): PhasePosition;

/** A 1cycle schedule's keyword options for one param group, with `OneCycleLR`'s names. */
interface OneCycleShapeOptions {
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
interface OneCycleMomentumOptions extends OneCycleShapeOptions {
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
declare function oneCycleLandmarks(maxLr: number, divFactor: number, finalDivFactor: number): Record<OneCycleLrKey, number>;

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
declare function oneCycleLr(step: number, options: OneCycleShapeOptions): number;

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
declare function oneCycleMomentum(step: number, options: OneCycleMomentumOptions): number;
/**
 * `StepLR`'s closed form: the base rate decayed by `gamma` every `step_size` epochs.
 *
 * $$\eta_e = \eta_0\,\gamma^{\lfloor e / s \rfloor}$$
 *
 * @param baseLr - the group's base learning rate `η₀`.
 * @param epoch - `e`.
 * @param stepSize - `s`, PyTorch's `step_size`.
 * @param gamma - the decay factor.
 * @throws {@link ZeroDivisionError} for `stepSize = 0`, as Python's `//` does.
 * @example `stepDecay(0.1, 25, 10, 0.5) === 0.1 * 0.5 ** 2`
 */
declare function stepDecay(baseLr: number, epoch: number, stepSize: number, gamma: number): number;

/**
 * `MultiStepLR`'s closed form: `gamma` applied once per milestone (counting repeats) at or
 * before the epoch.
 *
 * $$\eta_e = \eta_0\,\gamma^{\#\{m \in M : m \le e\}}$$
 *
 * @param milestones - the milestone multiset, in any order.
 * @example `multiStepDecay(1, 4, [2, 2, 4], 0.5) === 0.125`
 */
declare function multiStepDecay(baseLr: number, epoch: number, milestones: readonly number[], gamma: number): number;

/**
 * `ConstantLR`'s closed form: `factor` until `total_iters`, then 1.
 *
 * $$\eta_e = \eta_0\,(f + [e \ge T](1 - f))$$
 */
declare function constantFactor(baseLr: number, epoch: number, factor: number, totalIters: number): number;

/**
 * `LinearLR`'s closed form: the multiplier moves linearly from `start_factor` to
 * `end_factor` over `total_iters` epochs, then stays.
 *
 * $$\eta_e = \eta_0\left(s + \frac{(f_e - s)\min(T, e)}{T}\right)$$
 *
 * @throws {@link ZeroDivisionError} for `totalIters = 0`, as PyTorch's closed form does.
 */
declare function linearFactor(baseLr: number, epoch: number, startFactor: number, endFactor: number, totalIters: number): number;

/**
 * `ExponentialLR`'s closed form.
 *
 * $$\eta_e = \eta_0\,\gamma^{e}$$
 */
declare function exponentialDecay(baseLr: number, epoch: number, gamma: number): number;

/**
 * `PolynomialLR`'s closed form: decays to exactly 0 at `total_iters` and stays there.
 *
 * $$\eta_e = \eta_0\left(1 - \frac{\min(T, e)}{T}\right)^{p}$$
 *
 * @throws {@link ZeroDivisionError} for `totalIters = 0`, as PyTorch's closed form does.
 */
declare function polynomialDecay(baseLr: number, epoch: number, totalIters: number, power: number): number;
/**
 * The natural logarithm of `x`, correctly rounded to the nearest double.
 *
 * @param x - any double.
 * @returns `ln x`; `NaN` for negative or NaN input, `-Infinity` for 0, `Infinity` for Infinity.
 * @example `crLog(3) === 1.0986122886681098` (V8's `Math.log(3)` gives `…096`)
 */
declare function crLog(x: number): number;

/**
 * Python's `math.log(x, base)`: `log(x) / log(base)` with correctly rounded logarithms and one
 * IEEE division, as CPython computes it on glibc.
 *
 * @example `pyLog(243, 3) === 4.999999999999999` (as in Python; `Math.log(243) / Math.log(3)` is 5)
 */
declare function pyLog(x: number, base: number): number;

/** Options of {@link Adam}, keys as in PyTorch. Every key may also be set per param group. */
interface AdamOptions {
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
type AdamParamGroupInput = ParamGroupInput & AdamOptions;

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
declare class Adam extends Optimizer {
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
    constructor(params: readonly Param[] | readonly AdamParamGroupInput[], options?: AdamOptions);
    /**
     * Updates every parameter that has a gradient; see {@link Adam} for the formula.
     *
     * @param closure - optional; re-evaluates the model, sets gradients, returns the loss.
     * @returns the closure's loss, or `undefined`.
     */
    step(closure?: () => number): number | undefined;
    /** Newest PyTorch's `Adam.__setstate__`: groups saved without these options get defaults. */
    protected setStateDefaults(group: ParamGroup): void;
    private stepGroup;
}

/** Options of {@link AdamW}: Adam's, except that the weight decay is always decoupled. */
type AdamWOptions = Omit<AdamOptions, 'decoupled_weight_decay'>;

/** A param group for {@link AdamW}: parameters plus any options that differ from the defaults. */
type AdamWParamGroupInput = ParamGroupInput & AdamWOptions;

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
declare class AdamW extends Adam {
    /**
     * @param params - the parameters, or param groups with their own options.
     * @param options - options for every group that does not set its own.
     * @throws {@link PyTypeError} for an option key AdamW does not take, including
     *   `decoupled_weight_decay`.
     * @throws {@link ValueError} with Adam's messages; see {@link Adam}.
     */
    constructor(params: readonly Param[] | readonly AdamWParamGroupInput[], options?: AdamWOptions);
    /** Newest PyTorch's `AdamW.__setstate__`: a loaded group is always decoupled. */
    protected setStateDefaults(group: ParamGroup): void;
}

/**
 * PyTorch's optimizer state dict, with the tensors written as plain number arrays so that
 * `JSON.parse(JSON.stringify(sd))` loads back unchanged.
 *
 * - `state` maps a parameter's index (as a string, the way JSON keeps object keys) to that
 *   parameter's state, for example `{ momentum_buffer: [0.1, -0.2] }` or
 *   `{ step: 3, exp_avg: [...], exp_avg_sq: [...] }`.
 * - `param_groups` holds each group's options, with `params` replaced by the indices of its
 *   parameters, numbered across all groups in order.
 */
interface OptimizerStateDict {
    state: Record<string, Record<string, unknown>>;
    param_groups: Array<{
        params: number[];
        [key: string]: unknown;
    }>;
}

/**
 * Throws Python's `TypeError` for a keyword argument the optimizer does not take, so that a
 * misspelt option (`weight_decay` written `weightDecay`) fails loudly instead of being ignored.
 *
 * @param className - the optimizer class, as Python names it in the message.
 * @param options - the options object passed to the constructor.
 * @param allowed - the option keys the constructor takes.
 * @throws {@link PyTypeError} `"SGD.__init__() got an unexpected keyword argument 'foo'"`.
 * @internal
 */
declare function checkOptionKeys(className: string, options: object, allowed: readonly string[]): void;

/**
 * Base class of all optimizers: PyTorch's `torch.optim.Optimizer`.
 *
 * A subclass passes its resolved options as `defaults`; every param group gets each option it
 * does not set itself. Subclasses implement {@link Optimizer.step}, which must set
 * {@link Optimizer._optCalled} before anything else.
 *
 * Differences from PyTorch, all because JavaScript has no tensors or hooks: parameters are
 * {@link Param}s (flat `Float64Array`s); there are no step or state-dict hooks and no named
 * parameters; `stateDict()` returns a copy rather than references to the live state.
 *
 * @example
 * ```ts
 * const w: Param = { data: Float64Array.of(1, 2), grad: null };
 * const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
 * w.grad = Float64Array.of(0.5, -0.5);
 * opt.step();
 * opt.zeroGrad();
 * const saved = JSON.stringify(opt.stateDict());
 * ```
 *
 * @see https://docs.pytorch.org/docs/stable/optim.html
 */
declare abstract class Optimizer {
    /**
     * The constructor's resolved options, keys as in PyTorch. Schedulers test `'momentum' in
     * defaults` and `'betas' in defaults` to find out how to cycle momentum.
     */
    readonly defaults: Record<string, unknown>;
    /** PyTorch's `param_groups`. {@link Optimizer.loadStateDict} replaces the list. */
    paramGroups: ParamGroup[];
    /** Per-parameter state (momentum buffers, moment estimates), created lazily by `step()`. */
    state: Map<Param, Record<string, unknown>>;
    /**
     * Set to `true` by every `step()`. Newest PyTorch's schedulers read the same flag
     * (`_opt_called`) to warn when `scheduler.step()` runs before the first `optimizer.step()`.
     */
    _optCalled: boolean;
    /**
     * @param params - the parameters to optimize, or param groups (objects with `params` and any
     *   options that differ from `defaults`).
     * @param defaults - the options every group starts from.
     * @throws {@link PyTypeError} if `params` is a single parameter rather than a list.
     * @throws {@link ValueError} `"optimizer got an empty parameter list"`.
     */
    protected constructor(params: readonly Param[] | readonly ParamGroupInput[], defaults: Record<string, unknown>);
    /**
     * Adds a param group (PyTorch's `add_param_group`), for example to start training layers that
     * were frozen. Options the group does not set are taken from {@link Optimizer.defaults}; array
     * options such as `betas` are copied so that groups never share one array.
     *
     * As in PyTorch, the object passed in is the one stored, and gains the default options.
     * A parameter listed twice in the group only warns.
     *
     * @param paramGroup - `{ params, ...options }`.
     * @throws {@link PyTypeError} if `paramGroup` is not an object, its `params` is a `Set`, or one
     *   of its params is not a {@link Param}.
     * @throws {@link KeyError} if it has no `params`.
     * @throws {@link ValueError} `"some parameters appear in more than one parameter group"`.
     * @example
     * ```ts
     * opt.addParamGroup({ params: [head], lr: 0.01 });
     * ```
     */
    addParamGroup(paramGroup: ParamGroupInput): void;
    /**
     * Resets the gradients of all parameters (PyTorch's `zero_grad`).
     *
     * @param setToNone - `true` (the default, as in newest PyTorch) sets each `grad` to `null`, so
     *   the next `step()` skips that parameter; `false` fills the gradients with zeros, which
     *   still steps it (weight decay and momentum keep moving it).
     */
    zeroGrad(setToNone?: boolean): void;
    /**
     * Performs one optimization step, updating every parameter that has a gradient.
     *
     * @param closure - optional; re-evaluates the model, sets the gradients and returns the loss.
     *   It runs before the update.
     * @returns the closure's loss, or `undefined` without a closure.
     */
    abstract step(closure?: () => number): number | undefined;
    /**
     * Returns the optimizer's state in PyTorch's layout (see {@link OptimizerStateDict}): a deep,
     * JSON-ready copy, where PyTorch returns references to the live tensors.
     *
     * @example
     * ```ts
     * localStorage.setItem('opt', JSON.stringify(opt.stateDict()));
     * ```
     */
    stateDict(): OptimizerStateDict;
    /**
     * Restores state saved by {@link Optimizer.stateDict} (PyTorch's `load_state_dict`). The saved
     * groups' options replace the current ones, and saved parameter `i` gets the state of the
     * `i`-th parameter, counted across groups in order. Everything is deep-copied, and number
     * arrays in the per-parameter state become `Float64Array`s again. State saved under an index
     * that matches no parameter is dropped (PyTorch keeps it under that index, where no step
     * reads it).
     *
     * As PyTorch warns: construct schedulers *before* loading, since constructing a scheduler
     * overwrites the groups' `lr`.
     *
     * @param stateDict - a state dict, possibly after a JSON round trip.
     * @throws {@link ValueError} `"loaded state dict has a different number of parameter groups"`.
     * @throws {@link ValueError} `"loaded state dict contains a parameter group that doesn't match
     *   the size of optimizer's group"`.
     */
    loadStateDict(stateDict: OptimizerStateDict): void;
    /**
     * Fills options that older state dicts may lack, after {@link Optimizer.loadStateDict}
     * (PyTorch's per-optimizer `__setstate__`). The base class adds nothing.
     *
     * @param _group - a group just loaded.
     */
    protected setStateDefaults(_group: ParamGroup): void;
}

/** Options of {@link SGD}, keys as in PyTorch. Every key may also be set per param group. */
interface SGDOptions {
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
type SGDParamGroupInput = ParamGroupInput & SGDOptions;

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
declare class SGD extends Optimizer {
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
    constructor(params: readonly Param[] | readonly SGDParamGroupInput[], options?: SGDOptions);
    /**
     * Updates every parameter that has a gradient; see {@link SGD} for the formula.
     *
     * @param closure - optional; re-evaluates the model, sets gradients, returns the loss.
     * @returns the closure's loss, or `undefined`.
     */
    step(closure?: () => number): number | undefined;
    private stepGroup;
}
/**
 * A tensor parameter: PyTorch's `torch.Tensor` with `requires_grad=True`, flattened.
 * `optimizer.step()` updates `data` in place.
 */
interface Param {
    data: Float64Array;
    grad: Float64Array | null;
}

/**
 * One entry of `optimizer.paramGroups` (PyTorch's `param_groups`). Keys are PyTorch's, verbatim,
 * so state dicts round-trip as JSON. Schedulers add `initial_lr` and, when they cycle momentum,
 * `max_momentum`, `base_momentum`, `max_lr`, `min_lr`.
 */
interface ParamGroup {
    params: Param[];
    lr: number;
    initial_lr?: number;
    momentum?: number;
    betas?: [number, number];
    max_lr?: number;
    min_lr?: number;
    max_momentum?: number;
    base_momentum?: number;
    [key: string]: unknown;
}

/** A param group as passed to an optimizer constructor: any option may be left to the defaults. */
interface ParamGroupInput {
    params: Param[];
    [key: string]: unknown;
}
/**
 * Python's `a // b`: floor division, raising where Python raises.
 *
 * @throws {@link ZeroDivisionError} for `b === 0`, with Python's message.
 */
declare function floorDiv(a: number, b: number): number;

/**
 * Python's `a % b`: the result has the sign of the divisor.
 *
 * @throws {@link ZeroDivisionError} for `b === 0`, with Python's message.
 */
declare function floorMod(a: number, b: number): number;

/**
 * Python's true division `a / b`.
 *
 * @param ints - whether both operands are Python ints there (JavaScript cannot tell), which
 *   only changes the message: "division by zero" for ints, "float division by zero" otherwise.
 * @throws {@link ZeroDivisionError} for `b === 0`.
 */
declare function trueDiv(a: number, b: number, ints?: boolean): number;

/**
 * Formats a number as Python's `repr()` does for an `int` (when the value is integral and
 * below 1e16) or a `float` otherwise. JavaScript cannot tell `2` from `2.0`, so an integral
 * value always prints as an int: PyTorch's "got 2.0" is "got 2" here.
 */
declare function pyRepr(x: number): string;

/**
 * Python's `repr()` of a value in an error message: numbers as {@link pyRepr}, strings quoted
 * as Python quotes them, arrays as lists.
 */
declare function pyFormat(value: unknown): string;

/**
 * PyTorch's `_format_param`: one value per param group, from a scalar or a list.
 *
 * @throws {@link ValueError} when a list's length differs from the number of groups.
 */
declare function broadcast(name: string, groupCount: number, value: number | readonly number[]): number[];

/**
 * A float as JSON can carry it: finite numbers as they are, non-finite ones as the strings
 * Python's `float()` parses (`'inf'`, `'-inf'`, `'nan'`), since `JSON.stringify` would write
 * `null` and lose the value.
 */
declare function toJsonFloat(x: number): number | string;

/** Reads back {@link toJsonFloat}'s encoding; anything else gives `fallback`. */
declare function fromJsonFloat(value: unknown, fallback: number): number;

/** How {@link sampleSchedule} steps the scheduler. */
interface SampleOptions {
    /** The optimizer's initial learning rate. */
    lr: number;
    /** SGD momentum to start from (matters for `CyclicLR`/`OneCycleLR`, which cycle it). Default 0.9. */
    momentum?: number;
    /** Number of epochs to sample. */
    epochs: number;
    /**
     * Scheduler steps per epoch (per-batch stepping). Default 1. With more than one,
     * `CosineAnnealingWarmRestarts` is stepped with fractional epochs
     * (`step(epoch + i / stepsPerEpoch)`, as PyTorch's docs recommend); every other scheduler is
     * stepped once per batch with `step()`, so its periods count batches.
     */
    stepsPerEpoch?: number;
    /** For `ReduceLROnPlateau`: the metric passed at each step, as a function of the step. */
    metric?: (step: number) => number;
}

/**
 * A sampled curve: `lr[k]` is the learning rate used by step `k` (after `k` scheduler steps), at
 * epoch `x[k]`. A run of `epochs` epochs has `epochs × stepsPerEpoch` samples, like `range(epochs)`.
 */
interface SampledSchedule {
    /** Epoch of each sample (fractional with per-batch stepping). */
    x: Float64Array;
    /** Learning rate of the first param group. */
    lr: Float64Array;
    /** SGD momentum of the first param group at each sample. */
    momentum: Float64Array;
}

/**
 * Runs a scheduler on a fresh one-parameter SGD optimizer for a training run of `epochs` epochs
 * and records the learning rate and momentum each step uses: after construction, then after each
 * of the `epochs × stepsPerEpoch − 1` scheduler steps in between.
 * PyTorch's ordering warnings are silenced: no optimizer step happens between scheduler steps.
 *
 * @param build - constructs the scheduler on the optimizer it is given.
 * @param options - learning rate, momentum and the stepping plan.
 * @returns typed arrays of length `epochs × stepsPerEpoch`.
 * @throws whatever the scheduler throws (`ValueError` for invalid options, `ZeroDivisionError`
 *   where PyTorch would raise it), and `RangeError` for a non-positive or non-integer plan.
 * @example
 * ```ts
 * const { x, lr } = sampleSchedule(
 *   (opt) => new CosineAnnealingWarmRestarts(opt, { T_0: 5, T_mult: 2 }),
 *   { lr: 0.1, epochs: 35 },
 * );
 * ```
 */
declare function sampleSchedule(build: (optimizer: Optimizer) => Scheduler, options: SampleOptions): SampledSchedule;

/** Options of {@link ChainedScheduler}. */
interface ChainedSchedulerOptions {
    /** Default: the first scheduler's optimizer. */
    optimizer?: Optimizer;
}

/**
 * Steps several schedulers together, in order, with one `step()`
 * (`torch.optim.lr_scheduler.ChainedScheduler`). With recursive schedulers the effects
 * multiply; a closed-form scheduler (`LambdaLR`, `CyclicLR`, …) overwrites what came before
 * it in the list.
 *
 * @example
 * ```ts
 * const constant = new ConstantLR(optimizer, { factor: 0.1, total_iters: 2 });
 * const exponential = new ExponentialLR(optimizer, { gamma: 0.9 });
 * const scheduler = new ChainedScheduler([constant, exponential], { optimizer });
 * ```
 * @throws {@link ValueError} "ChainedScheduler expects at least one scheduler to be chained, but
 *   got no scheduler.", for a `ReduceLROnPlateau` child, and for a child on another optimizer.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ChainedScheduler.html
 */
declare class ChainedScheduler implements CompositeScheduler {
    readonly optimizer: Optimizer;
    readonly _schedulers: readonly Scheduler[];
    /** Not used by the chain itself; present so `SequentialLR` can treat it like any scheduler. */
    lastEpoch: number;
    protected _lastLr: number[];
    constructor(schedulers: readonly Scheduler[], options?: ChainedSchedulerOptions);
    /** Steps every child in list order. */
    step(): void;
    getLastLr(): number[];
    stateDict(): StateDict;
    loadStateDict(stateDict: StateDict): void;
}

/** The per-child checks `SequentialLR` and `ChainedScheduler` share (newest PyTorch wording). */
declare function checkChildren(owner: string, optimizer: Optimizer, schedulers: readonly Scheduler[]): void;

/** A scheduler that owns child schedulers (`SequentialLR`, `ChainedScheduler`). */
interface CompositeScheduler extends Scheduler {
    readonly _schedulers: readonly Scheduler[];
    step(): void;
}

/** True for `SequentialLR` and `ChainedScheduler` (PyTorch tests `hasattr(s, "_schedulers")`). */
declare function isComposite(s: Scheduler): s is CompositeScheduler;

/**
 * Newest PyTorch's `recursive_undo`: every leaf scheduler's construction step is undone by
 * decrementing its epoch, recursing into composites (1.13 decremented only the top level).
 */
declare function recursiveUndo(schedulers: readonly Scheduler[]): void;

/** Options of {@link ConstantLR}. */
interface ConstantLROptions extends LRSchedulerOptions {
    /** Multiplier applied until `total_iters`. Default `1/3`. */
    factor?: number;
    /** Number of epochs the multiplier lasts. Default `5`. */
    total_iters?: number;
}

/**
 * Multiplies each group's learning rate by a constant `factor` for the first `total_iters`
 * epochs (`torch.optim.lr_scheduler.ConstantLR`), a simple warmup.
 *
 * $$\eta_e = \eta_0\,(f \text{ if } e < T \text{ else } 1)$$
 *
 * Recursive: multiplies by `factor` at epoch 0 and by `1.0 / factor` at `total_iters`, so the
 * restored rate can differ from the original in the last bit, exactly as in PyTorch.
 *
 * @example
 * ```ts
 * const scheduler = new ConstantLR(optimizer, { factor: 0.5, total_iters: 4 });
 * ```
 * @throws {@link ValueError} "Constant multiplicative factor expected to be between 0 and 1." for
 *   `factor` outside [0, 1]; {@link ZeroDivisionError} at `total_iters` when `factor` is 0.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ConstantLR.html
 */
declare class ConstantLR extends LRScheduler {
    factor: number;
    totalIters: number;
    protected readonly stateKeys: StateKeys;
    constructor(optimizer: Optimizer, options?: ConstantLROptions);
    getLr(): number[];
    protected closedFormLr(): number[];
}

/** Options of {@link CosineAnnealingLR}. */
interface CosineAnnealingLROptions extends LRSchedulerOptions {
    /** Half period: epochs from the base rate down to `eta_min`. */
    T_max: number;
    /** Minimum learning rate. Default `0.0`. */
    eta_min?: number;
}

/**
 * Cosine annealing without restarts (`torch.optim.lr_scheduler.CosineAnnealingLR`). The
 * schedule is SGDR's curve
 *
 * $$\eta_t = \eta_{min} + \tfrac12(\eta_0 - \eta_{min})\left(1 + \cos\frac{t\pi}{T_{max}}\right)$$
 *
 * but `step()` computes it recursively from the current rate, as PyTorch does, so it composes
 * with other schedulers on the same optimizer:
 *
 * $$\eta_t = \eta_{min} + (\eta_{t-1} - \eta_{min})\,\frac{1 + \cos(t\pi/T_{max})}{1 + \cos((t-1)\pi/T_{max})}$$
 *
 * with an additive step where the denominator would vanish (`t ≡ T_max + 1 mod 2T_max`).
 * There is no clamp: after `T_max` the rate rises again, with period `2·T_max`.
 *
 * @example
 * ```ts
 * const scheduler = new CosineAnnealingLR(optimizer, { T_max: 10, eta_min: 1e-5 });
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   optimizer.step();
 *   scheduler.step();
 * }
 * ```
 * @throws {@link ZeroDivisionError} "integer modulo by zero" at the first step when `T_max` is 0
 *   (PyTorch does not validate it).
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html
 */
declare class CosineAnnealingLR extends LRScheduler {
    T_max: number;
    etaMin: number;
    protected readonly stateKeys: StateKeys;
    constructor(optimizer: Optimizer, options: CosineAnnealingLROptions);
    getLr(): number[];
    protected closedFormLr(): number[];
}

/** Options of {@link CosineAnnealingWarmRestarts}. */
interface CosineAnnealingWarmRestartsOptions extends LRSchedulerOptions {
    /** Length of the first cycle, in epochs (positive integer). */
    T_0: number;
    /** Factor by which each cycle is longer than the previous one (integer ≥ 1). Default `1`. */
    T_mult?: number;
    /** Minimum learning rate. Default `0.0`. */
    eta_min?: number;
}

/**
 * Cosine annealing with warm restarts, SGDR (`torch.optim.lr_scheduler.CosineAnnealingWarmRestarts`):
 *
 * $$\eta_t = \eta_{min} + \tfrac12(\eta_0 - \eta_{min})\left(1 + \cos\frac{T_{cur}\pi}{T_i}\right)$$
 *
 * where `T_cur` counts epochs since the last restart and the `i`-th cycle lasts
 * `T_i = T_0·T_mult^i` epochs, so restarts fall at `T_0 (T_mult^i − 1)/(T_mult − 1)`.
 *
 * `step()` advances one epoch; `step(epoch)` accepts fractional epochs for per-batch
 * stepping (`scheduler.step(epoch + i / iters)`) and, unlike other schedulers, emits no
 * deprecation warning. With `T_mult > 1` an explicit epoch is placed in its cycle with
 * Python's `math.log`, reproduced bit for bit (see {@link warmRestartPosition}).
 *
 * @example
 * ```ts
 * const scheduler = new CosineAnnealingWarmRestarts(optimizer, { T_0: 5, T_mult: 2, eta_min: 1e-5 });
 * for (let epoch = 0; epoch < 35; epoch++) {
 *   for (let i = 0; i < iters; i++) {
 *     optimizer.step();
 *     scheduler.step(epoch + i / iters);
 *   }
 * }
 * ```
 * @throws {@link ValueError} "Expected positive integer T_0, but got {T_0}",
 *   "Expected integer T_mult >= 1, but got {T_mult}", "Expected float or int eta_min, but got
 *   {eta_min} of type {type}", and from `step(epoch)`: "Expected non-negative epoch, but got {epoch}".
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingWarmRestarts.html
 */
declare class CosineAnnealingWarmRestarts extends LRScheduler {
    T_0: number;
    T_i: number;
    T_mult: number;
    etaMin: number;
    T_cur: number;
    protected readonly stateKeys: StateKeys;
    constructor(optimizer: Optimizer, options: CosineAnnealingWarmRestartsOptions);
    getLr(): number[];
    /**
     * Advances to the next epoch, or jumps to `epoch` (fractional allowed). Never increments the
     * step count and never warns, as in PyTorch.
     *
     * @throws {@link ValueError} "Expected non-negative epoch, but got {epoch}".
     */
    step(epoch?: number): void;
}

/**
 * A custom scaling with state: PyTorch's callable object (a class with `__call__`). Its own
 * enumerable non-function properties are saved in the state dict as `_scale_fn_custom` and
 * merged back by `loadStateDict`, where a plain function saves `null`.
 *
 * @example
 * ```ts
 * const halving: ScaleFunctionObject = { base: 0.5, scale(x) { return this.base ** (x - 1); } };
 * ```
 */
interface ScaleFunctionObject {
    scale(x: number): number;
    [key: string]: unknown;
}

/** Options of {@link CyclicLR}, with PyTorch's keyword names. */
interface CyclicLROptions extends LRSchedulerOptions {
    /** Lower bound of the cycle, one for all groups or one per group. */
    base_lr: number | readonly number[];
    /** Upper bound of the cycle, one for all groups or one per group. */
    max_lr: number | readonly number[];
    /** Steps from `base_lr` up to `max_lr`. Default 2000. */
    step_size_up?: number;
    /** Steps back down. Default: `step_size_up`. */
    step_size_down?: number | null;
    /** `'triangular'` (default), `'triangular2'` or `'exp_range'`; ignored with `scale_fn`. */
    mode?: CyclicMode;
    /** `exp_range`'s decay per step. Default 1.0. */
    gamma?: number;
    /** A custom amplitude scaling; overrides `mode`. */
    scale_fn?: ScaleFunction | ScaleFunctionObject | null;
    /** What `scale_fn` is evaluated on: `'cycle'` (default) or `'iterations'`. */
    scale_mode?: CyclicScaleMode;
    /** Cycle momentum (or Adam's `beta1`) inversely to the learning rate. Default `true`. */
    cycle_momentum?: boolean;
    /** Momentum at the learning-rate peak. Default 0.8. */
    base_momentum?: number | readonly number[];
    /** Momentum at the learning-rate minimum. Default 0.9. */
    max_momentum?: number | readonly number[];
}

/**
 * Cycles each group's learning rate between `base_lr` and `max_lr`
 * (`torch.optim.lr_scheduler.CyclicLR`, Smith 2017), one step per batch:
 *
 * $$\eta_e = \eta_{base} + (\eta_{max} - \eta_{base})\cdot h(e)\cdot f$$
 *
 * where `h` is a triangle wave rising over `step_size_up` steps and falling over
 * `step_size_down`, and `f` scales the amplitude: 1 (`'triangular'`), `1/2^{cycle−1}`
 * (`'triangular2'`), `gamma^e` (`'exp_range'`) or a custom `scale_fn`. With `cycle_momentum`,
 * momentum (or `betas[0]` for Adam-style optimizers) moves the opposite way between
 * `max_momentum` and `base_momentum`. See {@link cyclicLr} for the pure function.
 *
 * Constructing it sets every group's `lr` to `base_lr` and, when cycling momentum, the group's
 * `momentum`/`betas[0]` to `max_momentum` and the informational group keys `max_momentum` and
 * `base_momentum`. Closed form in the step: it overwrites anything stepped before it.
 *
 * @example
 * ```ts
 * const optimizer = new SGD(params, { lr: 0.1, momentum: 0.9 });
 * const scheduler = new CyclicLR(optimizer, { base_lr: 0.01, max_lr: 0.1, step_size_up: 10 });
 * for (const batch of batches) {
 *   train(batch);
 *   optimizer.step();
 *   scheduler.step();
 * }
 * ```
 * @throws {@link ValueError} "base_lr must have the same length as optimizer.param_groups. …"
 *   (likewise `max_lr`, `base_momentum`, `max_momentum`), "mode is invalid and scale_fn is None",
 *   "optimizer must support momentum or beta1 with `cycle_momentum` option enabled".
 * @throws {@link ZeroDivisionError} "float division by zero" when the step sizes sum to 0.
 * @throws {@link KeyError} when resuming (`last_epoch ≠ -1`) and a group lacks `initial_lr`.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CyclicLR.html
 */
declare class CyclicLR extends LRScheduler {
    /** Upper bounds, one per group (`max_lrs`). */
    maxLrs: number[];
    /** Steps in one cycle (`total_size`). */
    totalSize: number;
    /** Share of a cycle spent rising (`step_ratio`). */
    stepRatio: number;
    mode: string;
    gamma: number;
    /** `'cycle'` or `'iterations'`; overridden by a built-in `mode`. */
    scaleMode: string;
    cycleMomentum: boolean;
    /** Whether momentum is cycled through `betas[0]` (`use_beta1`); set when cycling momentum. */
    useBeta1?: boolean;
    /** Momentum at the learning-rate peak, one per group; set when cycling momentum. */
    baseMomentums?: number[];
    /** Momentum at the learning-rate minimum, one per group; set when cycling momentum. */
    maxMomentums?: number[];
    /** The custom scaling (`_scale_fn_custom`), or `null`. */
    protected _scaleFnCustom: ScaleFunction | ScaleFunctionObject | null;
    /** The built-in scaling chosen by `mode` (`_scale_fn_ref`); rebuilt after loading a state. */
    protected _scaleFnRef: ScaleFunction;
    protected readonly stateKeys: StateKeys;
    /**
     * @param optimizer - the wrapped optimizer; its `lr`s (and momenta) are overwritten.
     * @param options - PyTorch's keyword arguments; `base_lr` and `max_lr` are required.
     */
    constructor(optimizer: Optimizer, options: CyclicLROptions);
    /**
     * PyTorch's `scale_fn(x)`: the custom scaling if there is one, else the built-in one.
     *
     * @param x - the cycle number or the step, per `scaleMode`.
     */
    scaleFn(x: number): number;
    /**
     * The learning rates at step `lastEpoch`; as a side effect, when cycling momentum, writes the
     * momentum (or `betas[0]`) of every group, as PyTorch does.
     */
    getLr(): number[];
    /**
     * The state with PyTorch's keys. `_scale_fn_custom` is `null` for no scaling or a plain
     * function, and a copy of the properties of a {@link ScaleFunctionObject}; the momentum keys
     * exist only when cycling momentum.
     */
    stateDict(): StateDict;
    /**
     * Restores a state from {@link CyclicLR.stateDict}. A saved `_scale_fn_custom` is merged into
     * the current custom scaling object, and the built-in scaling is rebuilt, so a loaded `gamma`
     * or `mode` takes effect (PyTorch ≥ 2.x; 1.13 kept a weak reference to the old method).
     */
    loadStateDict(stateDict: StateDict): void;
}

/**
 * Writes a cycled momentum into a group: `betas[0]` (a new pair, keeping `betas[1]`) when the
 * optimizer has `betas` (Adam, AdamW), else `momentum`. Shared with `OneCycleLR`.
 *
 * @internal
 */
declare function writeMomentum(group: ParamGroup, useBeta1: boolean, value: number): void;

/** Options of {@link ExponentialLR}. */
interface ExponentialLROptions extends LRSchedulerOptions {
    /** Multiplicative factor of decay per epoch. */
    gamma: number;
}

/**
 * Decays each group's learning rate by `gamma` every epoch
 * (`torch.optim.lr_scheduler.ExponentialLR`).
 *
 * $$\eta_e = \eta_0\,\gamma^{e}$$
 *
 * @example
 * ```ts
 * const scheduler = new ExponentialLR(optimizer, { gamma: 0.95 });
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ExponentialLR.html
 */
declare class ExponentialLR extends LRScheduler {
    gamma: number;
    protected readonly stateKeys: StateKeys;
    constructor(optimizer: Optimizer, options: ExponentialLROptions);
    getLr(): number[];
    protected closedFormLr(): number[];
}

/**
 * Every param group's current learning rate, as a new array (PyTorch's
 * `[group["lr"] for group in optimizer.param_groups]`).
 *
 * A plain loop on purpose: `Array.prototype.map`'s callback site is shared by every caller in
 * the program, turns megamorphic, and made scheduler steps several times slower.
 */
declare function groupLrs(optimizer: Optimizer): number[];

/** A multiplicative factor as a function of the epoch (PyTorch's `lr_lambda`). */
type LrLambda = (epoch: number) => number;

/** Options of {@link LambdaLR} and {@link MultiplicativeLR}. */
interface LambdaLROptions extends LRSchedulerOptions {
    /** One function for every group, or one per group. */
    lr_lambda: LrLambda | readonly LrLambda[];
}

/** PyTorch's handling of `lr_lambda`: one function reused, or a list checked for length. */
declare function lambdasPerGroup(optimizer: Optimizer, lrLambda: LambdaLROptions['lr_lambda']): any[];

/**
 * The state of functions in `lr_lambdas`: PyTorch saves `None` for plain functions and the
 * attribute dict of callable objects. JavaScript functions have no such dict, so every entry is
 * `null`, which PyTorch's `load_state_dict` skips.
 */
declare function lambdaState(lambdas: readonly LrLambda[]): null[];

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
declare class LambdaLR extends LRScheduler {
    lrLambdas: LrLambda[];
    constructor(optimizer: Optimizer, options: LambdaLROptions);
    getLr(): number[];
    stateDict(): StateDict;
}

/** Options of {@link LinearLR}. */
interface LinearLROptions extends LRSchedulerOptions {
    /** Multiplier at epoch 0, in (0, 1]. Default `1/3`. */
    start_factor?: number;
    /** Multiplier from `total_iters` on, in [0, 1]. Default `1.0`. */
    end_factor?: number;
    /** Number of epochs of the linear change. Default `5`. */
    total_iters?: number;
}

/**
 * Changes each group's learning rate linearly from `start_factor·lr` to `end_factor·lr` over
 * `total_iters` epochs (`torch.optim.lr_scheduler.LinearLR`): the usual warmup.
 *
 * $$\eta_e = \eta_0\left(s + (f - s)\frac{\min(e, T)}{T}\right)$$
 *
 * Stepped recursively with PyTorch's ratio
 * `1 + (f − s) / (T·s + (e − 1)(f − s))`, so the end value can differ from `end_factor·lr` in
 * the last bits, as in PyTorch.
 *
 * @example
 * ```ts
 * const warmup = new LinearLR(optimizer, { start_factor: 0.1, total_iters: 5 });
 * ```
 * @throws {@link ValueError} "Starting multiplicative factor expected to be greater than 0 and
 *   less or equal to 1." or "Ending multiplicative factor expected to be between 0 and 1."
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.LinearLR.html
 */
declare class LinearLR extends LRScheduler {
    startFactor: number;
    endFactor: number;
    totalIters: number;
    protected readonly stateKeys: StateKeys;
    constructor(optimizer: Optimizer, options?: LinearLROptions);
    getLr(): number[];
    protected closedFormLr(): number[];
}

/** PyTorch's `EPOCH_DEPRECATION_WARNING`, emitted when `step(epoch)` is given an epoch. */
declare const EPOCH_DEPRECATION_WARNING = "The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where possible. Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch is different from None, the closed form is used instead of the new chainable form, where available. Please open an issue if you are unable to replicate your use case: https://github.com/pytorch/pytorch/issues/new/choose.";

/** A scheduler state dict: PyTorch's keys verbatim, JSON-serialisable values. */
type StateDict = Record<string, unknown>;

/**
 * Maps a state-dict key (PyTorch's name) to the instance attribute that holds it.
 * Keys and attributes differ only where the API rule renames (`last_epoch` → `lastEpoch`).
 */
type StateKeys = ReadonlyArray<readonly [key: string, attribute: string]>;

/**
 * Anything that adjusts an optimizer's learning rates and can be stepped: the common surface
 * of {@link LRScheduler}, `SequentialLR`, `ChainedScheduler` and `ReduceLROnPlateau`.
 */
interface Scheduler {
    readonly optimizer: Optimizer;
    lastEpoch: number;
    getLastLr(): number[];
    stateDict(): StateDict;
    loadStateDict(stateDict: StateDict): void;
}

/** Options every scheduler accepts. */
interface LRSchedulerOptions {
    /** The index of the last epoch; `-1` starts fresh. Any other value resumes. Default `-1`. */
    last_epoch?: number;
}

/**
 * Base class of the epoch-driven schedulers: PyTorch's `torch.optim.lr_scheduler.LRScheduler`
 * (`_LRScheduler` in 1.13).
 *
 * Construction records `initial_lr` in every param group (only where absent, so a second
 * scheduler on the same optimizer sees the original lr), sets `baseLrs` from it and performs
 * the initial step, which writes the value for epoch 0 (or `last_epoch + 1` when resuming)
 * into the optimizer: constructing a scheduler changes the optimizer's learning rates.
 *
 * Subclasses implement {@link LRScheduler.getLr} (PyTorch's chainable form) and, where PyTorch
 * has one, {@link LRScheduler.closedFormLr} (used by `step(epoch)`).
 *
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.LRScheduler.html
 */
declare abstract class LRScheduler implements Scheduler {
    readonly optimizer: Optimizer;
    /** The group learning rates the schedule is relative to (`base_lrs`). */
    baseLrs: number[];
    /** The epoch counter (`last_epoch`); 0 right after construction. */
    lastEpoch: number;
    protected _stepCount: number;
    /** True while the construction step runs (newest PyTorch's "initial mode"). */
    protected _isInitial: boolean;
    protected _getLrCalledWithinStep: boolean;
    protected _lastLr: number[];
    /** State-dict keys of the subclass, listed before the base keys as in PyTorch. */
    protected readonly stateKeys: StateKeys;
    /**
     * Records `initial_lr` and `baseLrs`. It does not step: JavaScript assigns a subclass's
     * fields only after `super()` returns, so every concrete subclass ends its constructor with
     * `this.initialStep()`, the point where PyTorch's base constructor steps.
     *
     * @param optimizer - the wrapped optimizer.
     * @param lastEpoch - PyTorch's `last_epoch`.
     * @throws {@link KeyError} when resuming (`lastEpoch !== -1`) and a group lacks `initial_lr`.
     */
    constructor(optimizer: Optimizer, lastEpoch?: number);
    /**
     * Runs PyTorch's `_initial_step`: reset the step count and step once in initial mode.
     * Called at the end of every constructor, and by `SequentialLR` on its first child.
     */
    initialStep(): void;
    /**
     * The learning rates for `lastEpoch`, by PyTorch's chainable (recursive) formula where it
     * has one. Called by `step()`; calling it directly warns, as in PyTorch.
     */
    abstract getLr(): number[];
    /** The closed form PyTorch uses for `step(epoch)`; `undefined` where PyTorch has none. */
    protected closedFormLr?(): number[];
    /** Warns as PyTorch does when `getLr()` is called from outside `step()`. */
    protected warnIfOutsideStep(): void;
    /**
     * Advances the schedule by one epoch and writes the new learning rates into the optimizer.
     *
     * @param epoch - deprecated in PyTorch: sets `lastEpoch` to this value (floats pass through)
     *   and uses the closed form where the class has one. Emits PyTorch's deprecation warning.
     */
    step(epoch?: number): void;
    /**
     * Newest PyTorch's `_update_lr`: the body of `step()` without warnings or step counting.
     * `SequentialLR` calls it with epoch 0 at a milestone.
     */
    updateLr(epoch?: number): void;
    /** Calls `getLr()` with the "inside step" flag set, so it does not warn. */
    protected getLrWithinStep(): number[];
    /** Writes one learning rate per group and records them as the last learning rates. */
    protected writeLrs(values: readonly number[]): void;
    /** Every group's current learning rate (what a recursive rule leaves unchanged). */
    protected currentLrs(): number[];
    /** Every group's current learning rate times `factor` (a recursive step); a loop, as in {@link groupLrs}. */
    protected scaledLrs(factor: number): number[];
    /** The learning rates the last step wrote, one per param group (`get_last_lr()`). */
    getLastLr(): number[];
    /**
     * The scheduler's state with PyTorch's keys (`state_dict()`), deep-copied and
     * JSON-serialisable. It does not include the optimizer: save `optimizer.stateDict()` too.
     */
    stateDict(): StateDict;
    /**
     * Restores a state from {@link LRScheduler.stateDict} (`load_state_dict()`). Like PyTorch it
     * does not validate and does not touch the optimizer's learning rates; keys it does not know
     * are ignored. The argument is not mutated.
     */
    loadStateDict(stateDict: StateDict): void;
}

/** Options of {@link MultiStepLR}. */
interface MultiStepLROptions extends LRSchedulerOptions {
    /** Epochs at which to decay. Order does not matter; a repeated milestone decays again. */
    milestones: readonly number[];
    /** Multiplicative factor of decay. Default `0.1`. */
    gamma?: number;
}

/**
 * Decays each group's learning rate by `gamma` at each milestone
 * (`torch.optim.lr_scheduler.MultiStepLR`).
 *
 * $$\eta_e = \eta_0\,\gamma^{\#\{m \le e\}}$$
 *
 * `milestones` is a multiset (`milestones` in the state dict maps each epoch to its count, as
 * PyTorch's `Counter` does): duplicates compound, order is irrelevant.
 *
 * @example
 * ```ts
 * const scheduler = new MultiStepLR(optimizer, { milestones: [30, 80], gamma: 0.1 });
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.MultiStepLR.html
 */
declare class MultiStepLR extends LRScheduler {
    /** Milestone epoch → multiplicity (PyTorch's `Counter`), with string keys as in JSON. */
    milestones: Record<string, number>;
    gamma: number;
    protected readonly stateKeys: StateKeys;
    constructor(optimizer: Optimizer, options: MultiStepLROptions);
    getLr(): number[];
    protected closedFormLr(): number[];
}

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
declare class MultiplicativeLR extends LRScheduler {
    lrLambdas: LrLambda[];
    constructor(optimizer: Optimizer, options: LambdaLROptions);
    getLr(): number[];
    stateDict(): StateDict;
}

/** Options of {@link OneCycleLR}, with PyTorch's keyword names. */
interface OneCycleLROptions extends LRSchedulerOptions {
    /** The peak learning rate, one for all groups or one per group. */
    max_lr: number | readonly number[];
    /** The number of steps in the cycle; or give `epochs` and `steps_per_epoch`. */
    total_steps?: number | null;
    /** With `steps_per_epoch`, sets `total_steps = epochs · steps_per_epoch`. */
    epochs?: number | null;
    steps_per_epoch?: number | null;
    /** Share of the steps spent raising the learning rate. Default 0.3. */
    pct_start?: number;
    /** `'cos'` (default) or `'linear'`. */
    anneal_strategy?: AnnealStrategy;
    /** Cycle momentum (or Adam's `beta1`) inversely to the learning rate. Default `true`. */
    cycle_momentum?: boolean;
    /** Momentum at the learning-rate peak. Default 0.85. */
    base_momentum?: number | readonly number[];
    /** Momentum at the start and the end. Default 0.95. */
    max_momentum?: number | readonly number[];
    /** `initial_lr = max_lr / div_factor`. Default 25. */
    div_factor?: number;
    /** `min_lr = initial_lr / final_div_factor`. Default 1e4. */
    final_div_factor?: number;
    /** Use the paper's three phases instead of fastai's two. Default `false`. */
    three_phase?: boolean;
}

/**
 * The 1cycle policy (`torch.optim.lr_scheduler.OneCycleLR`, Smith & Topin 2017), one step
 * per batch: the learning rate anneals from `max_lr / div_factor` up to `max_lr` over the first
 * `pct_start · total_steps` steps, then down to `initial_lr / final_div_factor`; with
 * `three_phase` it first returns to `initial_lr` symmetrically and then anneals to the minimum.
 * Cosine annealing between landmarks `a → b` at position `p ∈ [0, 1]`:
 *
 * $$\eta = b + \frac{a - b}{2}\,(\cos(\pi p) + 1)$$
 *
 * Momentum (or `betas[0]`) moves the opposite way between `max_momentum` and `base_momentum`.
 * See {@link oneCycleLr} for the pure function.
 *
 * The landmarks live in the optimizer's param groups (`initial_lr`, `max_lr`, `min_lr`,
 * `max_momentum`, `base_momentum`; written at construction, read at every step), so they are
 * saved with the *optimizer's* state dict. `initial_lr` is overwritten even if an earlier
 * scheduler set it. Step `total_steps` itself is allowed (it extrapolates past the minimum);
 * the next step throws.
 *
 * @example
 * ```ts
 * const optimizer = new SGD(params, { lr: 1e-4, momentum: 0.9 });
 * const scheduler = new OneCycleLR(optimizer, { max_lr: 0.01, epochs: 10, steps_per_epoch: 100 });
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   for (const batch of batches) {
 *     train(batch);
 *     optimizer.step();
 *     scheduler.step();
 *   }
 * }
 * ```
 * @throws {@link ValueError} with PyTorch's messages: "Expected positive integer total_steps, but
 *   got {x}" (and for `epochs`, `steps_per_epoch`), "You must define either total_steps OR (epochs
 *   AND steps_per_epoch)", "Expected float between 0 and 1 pct_start, but got {x}",
 *   "anneal_strategy must be one of 'cos' or 'linear', instead got {x}", the `max_lr` /
 *   `max_momentum` / `base_momentum` length error, "optimizer must support momentum or beta1 with
 *   `cycle_momentum` option enabled", and from `step()`: "Tried to step {s} times. The specified
 *   number of total steps is {T}".
 * @throws {@link ZeroDivisionError} "float division by zero" for a zero `div_factor` or
 *   `final_div_factor`, and when a step falls in an empty phase (`pct_start · total_steps = 1`
 *   fails at construction).
 * @throws {@link KeyError} when resuming (`last_epoch ≠ -1`) without the group keys.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.OneCycleLR.html
 */
declare class OneCycleLR extends LRScheduler {
    /** The number of steps in the cycle (`total_steps`). */
    totalSteps: number;
    /** The phase table (`_schedule_phases`); see {@link oneCyclePhases}. */
    protected _schedulePhases: SchedulePhase[];
    /** `'cos'` or `'linear'` (`_anneal_func_type`), looked up at every step. */
    protected _annealFuncType: string;
    cycleMomentum: boolean;
    /** Whether momentum is cycled through `betas[0]` (`use_beta1`); set when cycling momentum. */
    useBeta1?: boolean;
    protected readonly stateKeys: StateKeys;
    /**
     * @param optimizer - the wrapped optimizer; its groups get the 1cycle keys and their `lr`s
     *   (and momenta) are overwritten.
     * @param options - PyTorch's keyword arguments; `max_lr` and the length of the cycle are
     *   required.
     */
    constructor(optimizer: Optimizer, options: OneCycleLROptions);
    /**
     * The learning rates at step `lastEpoch`, annealed between the landmarks stored in each
     * param group; as a side effect, when cycling momentum, writes each group's momentum (or
     * `betas[0]`), as PyTorch does.
     *
     * @throws {@link ValueError} "Tried to step {s} times. The specified number of total steps is
     *   {T}" past the end.
     */
    getLr(): number[];
    /** The state with PyTorch's keys; `use_beta1` exists only when cycling momentum. */
    stateDict(): StateDict;
}

/** Options of {@link PolynomialLR}. */
interface PolynomialLROptions extends LRSchedulerOptions {
    /** Number of epochs over which the rate decays to 0. Default `5`. */
    total_iters?: number;
    /** Power of the polynomial. Default `1.0`. */
    power?: number;
}

/**
 * Decays each group's learning rate polynomially to exactly 0 over `total_iters` epochs
 * (`torch.optim.lr_scheduler.PolynomialLR`).
 *
 * $$\eta_e = \eta_0\left(1 - \frac{\min(e, T)}{T}\right)^{p}$$
 *
 * Stepped recursively with the ratio `((1 − e/T) / (1 − (e−1)/T))^p`.
 *
 * @example
 * ```ts
 * const scheduler = new PolynomialLR(optimizer, { total_iters: 50, power: 0.9 });
 * ```
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.PolynomialLR.html
 */
declare class PolynomialLR extends LRScheduler {
    totalIters: number;
    power: number;
    protected readonly stateKeys: StateKeys;
    constructor(optimizer: Optimizer, options?: PolynomialLROptions);
    getLr(): number[];
    protected closedFormLr(): number[];
}

/** Options of {@link ReduceLROnPlateau}, with PyTorch's keyword names. */
interface ReduceLROnPlateauOptions {
    /** `'min'` (default): reduce when the metric stops falling; `'max'`: stops rising. */
    mode?: 'min' | 'max';
    /** `new_lr = lr · factor`; must be below 1. Default 0.1. */
    factor?: number;
    /** Bad epochs tolerated before reducing: the reduction comes on bad epoch `patience + 1`. Default 10. */
    patience?: number;
    /** How much better a metric must be to count as an improvement. Default 1e-4. */
    threshold?: number;
    /** `'rel'` (default): relative to the best metric; `'abs'`: an absolute margin. */
    threshold_mode?: 'rel' | 'abs';
    /** Epochs after a reduction during which bad epochs are not counted. Default 0. */
    cooldown?: number;
    /** Lower bound on each group's learning rate, one for all groups or one per group. Default 0. */
    min_lr?: number | readonly number[];
    /** A reduction smaller than this is skipped. Default 1e-8. */
    eps?: number;
}

/**
 * Reduces the learning rate when a metric has stopped improving
 * (`torch.optim.lr_scheduler.ReduceLROnPlateau`). Each `step(metric)` compares the metric with
 * the best so far; after more than `patience` epochs without improvement every group's rate is
 * multiplied by `factor`, bounded below by `min_lr`:
 *
 * $$\eta \leftarrow \max(\eta \cdot \text{factor},\ \eta_{min}) \quad\text{if the decrease exceeds } \varepsilon$$
 *
 * An improvement means `a < best·(1 − threshold)` (`min`/`rel`), `a < best − threshold`
 * (`min`/`abs`), `a > best·(1 + threshold)` (`max`/`rel`) or `a > best + threshold`
 * (`max`/`abs`). After a reduction, `cooldown` epochs pass before bad epochs count again.
 * It scales the *current* rate, so it composes multiplicatively with other schedulers.
 *
 * In newest PyTorch this subclasses `LRScheduler` but never runs its constructor: it does not
 * write `initial_lr`, does not touch the learning rates at construction and has no initial
 * step. JavaScript would run the base constructor, so this class implements the
 * {@link Scheduler} interface instead of extending {@link LRScheduler}; `instanceof LRScheduler`
 * is therefore `false`, where PyTorch's `isinstance` is true.
 *
 * @example
 * ```ts
 * const optimizer = new SGD(params, { lr: 0.1, momentum: 0.9 });
 * const scheduler = new ReduceLROnPlateau(optimizer, { mode: 'min', factor: 0.5, patience: 3 });
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   train();
 *   scheduler.step(validationLoss()); // call after validating
 * }
 * ```
 * @throws {@link ValueError} "Factor should be < 1.0.", "expected {G} min_lrs, got {n}",
 *   "mode {mode} is unknown!", "threshold mode {mode} is unknown!".
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ReduceLROnPlateau.html
 */
declare class ReduceLROnPlateau implements Scheduler {
    readonly optimizer: Optimizer;
    factor: number;
    /** The scalar `min_lr`, re-broadcast when groups are added; `null` if a list was given. */
    defaultMinLr: number | null;
    /** The lower bound of each group (`min_lrs`). */
    minLrs: number[];
    patience: number;
    cooldown: number;
    eps: number;
    /** The number of `step()` calls so far, or the last explicit epoch. 0 after construction. */
    lastEpoch: number;
    protected _lastLr: number[];
    /** The worst possible metric: `Infinity` for `'min'`, `-Infinity` for `'max'`. */
    modeWorse: number;
    mode: string;
    threshold: number;
    thresholdMode: string;
    /** The best metric seen so far (`mode_worse` before the first step). */
    best: number;
    /** Epochs of cooldown left. */
    cooldownCounter: number;
    /** Consecutive epochs without improvement. */
    numBadEpochs: number;
    /**
     * @param optimizer - the wrapped optimizer; its learning rates are not touched until a
     *   reduction.
     * @param options - PyTorch's keyword arguments.
     */
    constructor(optimizer: Optimizer, options?: ReduceLROnPlateauOptions);
    /**
     * Records one epoch's metric and reduces the learning rates if it has not improved for more
     * than `patience` epochs (outside cooldown).
     *
     * @param metrics - the monitored quantity, e.g. the validation loss. NaN never improves.
     * @param epoch - deprecated: sets `lastEpoch` instead of incrementing it, and warns.
     * @throws {@link RuntimeError} if param groups were added since construction and `min_lr`
     *   was given as a list (a scalar `min_lr` is re-broadcast instead).
     */
    step(metrics: number, epoch?: number): void;
    private reduceLr;
    /** Whether a reduction happened less than `cooldown` epochs ago (`in_cooldown`). */
    get inCooldown(): boolean;
    /**
     * Whether metric `a` improves on `best` by more than the threshold (PyTorch's `_is_better`;
     * 1.13's public `is_better`). With `best = ±Infinity` and a relative threshold of 1 the
     * comparison is with NaN, so nothing ever improves, as in PyTorch.
     *
     * @param a - the new metric.
     * @param best - the best metric so far.
     */
    isBetter(a: number, best: number): boolean;
    private initIsBetter;
    /** The learning rates after the last step (at construction: the optimizer's current ones). */
    getLastLr(): number[];
    /**
     * The state with newest PyTorch's keys, deep-copied. `best` and `mode_worse` are often
     * `±Infinity`, which JSON cannot hold: they are written as Python spells them for `float()`
     * (`'inf'`, `'-inf'`, `'nan'`), so the state survives `JSON.stringify` exactly.
     */
    stateDict(): StateDict;
    /**
     * Restores a state from {@link ReduceLROnPlateau.stateDict}, possibly after a JSON round trip.
     * Like PyTorch it then re-checks the mode settings and recomputes `mode_worse`; it does not
     * touch the learning rates. Unknown keys are ignored.
     *
     * @throws {@link ValueError} for an unknown `mode` or `threshold_mode` in the state.
     */
    loadStateDict(stateDict: StateDict): void;
}

/** Options of {@link SequentialLR}. */
interface SequentialLROptions {
    /** The schedulers to run one after another, all on `optimizer`. */
    schedulers: readonly Scheduler[];
    /** Epochs at which the next scheduler takes over; one fewer than `schedulers`. */
    milestones: readonly number[];
    /** Default `-1`. */
    last_epoch?: number;
}

/**
 * Runs schedulers one after another, switching at milestone epochs
 * (`torch.optim.lr_scheduler.SequentialLR`). The usual use is warmup then decay:
 *
 * ```ts
 * const warmup = new LinearLR(optimizer, { start_factor: 0.1, total_iters: 5 });
 * const cosine = new CosineAnnealingLR(optimizer, { T_max: 95 });
 * const scheduler = new SequentialLR(optimizer, { schedulers: [warmup, cosine], milestones: [5] });
 * ```
 *
 * Construction resets every group's lr to `initial_lr`, undoes the children's construction
 * steps and re-runs only the first child's. At a milestone the next child restarts from
 * epoch 0 with its closed form (so most children re-base to `initial_lr`); only the active
 * child is stepped. Like PyTorch it is not an `LRScheduler` subclass in behaviour: it has no
 * `baseLrs` and no epoch argument to `step()`.
 *
 * @throws {@link ValueError} "SequentialLR expects at least one scheduler, but got no
 *   scheduler.", for a `ReduceLROnPlateau` child, for a child on another optimizer, and
 *   "Sequential Schedulers expects number of schedulers provided to be one more than the number
 *   of milestone points, but got number of schedulers {n} and the number of milestones to be
 *   equal to {m}".
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.SequentialLR.html
 */
declare class SequentialLR implements CompositeScheduler {
    readonly optimizer: Optimizer;
    readonly _schedulers: readonly Scheduler[];
    _milestones: number[];
    lastEpoch: number;
    protected _lastLr: number[];
    constructor(optimizer: Optimizer, options: SequentialLROptions);
    /** Advances one epoch: steps the active child, or restarts the next child at a milestone. */
    step(): void;
    getLastLr(): number[];
    stateDict(): StateDict;
    loadStateDict(stateDict: StateDict): void;
}

/** Options of {@link StepLR}. */
interface StepLROptions extends LRSchedulerOptions {
    /** Period of learning-rate decay, in epochs. */
    step_size: number;
    /** Multiplicative factor of decay. Default `0.1`. */
    gamma?: number;
}

/**
 * Decays each group's learning rate by `gamma` every `step_size` epochs
 * (`torch.optim.lr_scheduler.StepLR`).
 *
 * $$\eta_e = \eta_0\,\gamma^{\lfloor e / \text{step\_size} \rfloor}$$
 *
 * Stepped recursively: at each multiple of `step_size` the current rate is multiplied by
 * `gamma` (so it composes with other schedulers); `step(epoch)` uses the closed form.
 *
 * @example
 * ```ts
 * const scheduler = new StepLR(optimizer, { step_size: 30, gamma: 0.1 });
 * ```
 * @throws {@link ZeroDivisionError} "integer modulo by zero" at the first step when `step_size` is 0 (PyTorch does not validate it).
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.StepLR.html
 */
declare class StepLR extends LRScheduler {
    stepSize: number;
    gamma: number;
    protected readonly stateKeys: StateKeys;
    constructor(optimizer: Optimizer, options: StepLROptions);
    getLr(): number[];
    protected closedFormLr(): number[];
}
/** Receives every warning the port emits, with PyTorch's message text. */
type WarningHandler = (message: string) => void;

/**
 * Replaces the warning handler; `null` restores the default (`console.warn`).
 *
 * @param next - the new handler, or `null`.
 * @returns the previous handler, so a caller can restore it.
 * @example
 * ```ts
 * const previous = setWarningHandler(() => {});
 * try { sampleSchedule(...); } finally { setWarningHandler(previous); }
 * ```
 */
declare function setWarningHandler(next: WarningHandler | null): WarningHandler;

/** Emits a warning through the current handler. */
declare function warn(message: string): void;

/**
 * Runs `fn` with warnings discarded, restoring the previous handler afterwards even if `fn`
 * throws. Used by chart sampling, where no optimizer steps between scheduler steps.
 */
declare function withoutWarnings<T>(fn: () => T): T;

export {
  ValueError,
  PyTypeError,
  ZeroDivisionError,
  KeyError,
  RuntimeError,
  setWarningHandler,
  withoutWarnings,
  type WarningHandler,
  Optimizer,
  type OptimizerStateDict,
  SGD,
  type SGDOptions,
  Adam,
  type AdamOptions,
  AdamW,
  type AdamWOptions,
  type Param,
  type ParamGroup,
  type ParamGroupInput,
  LRScheduler,
  EPOCH_DEPRECATION_WARNING,
  type Scheduler,
  type StateDict,
  type LRSchedulerOptions,
  LambdaLR,
  type LambdaLROptions,
  type LrLambda,
  MultiplicativeLR,
  StepLR,
  type StepLROptions,
  MultiStepLR,
  type MultiStepLROptions,
  ConstantLR,
  type ConstantLROptions,
  LinearLR,
  type LinearLROptions,
  ExponentialLR,
  type ExponentialLROptions,
  PolynomialLR,
  type PolynomialLROptions,
  CosineAnnealingLR,
  type CosineAnnealingLROptions,
  CosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsOptions,
  SequentialLR,
  type SequentialLROptions,
  ChainedScheduler,
  type ChainedSchedulerOptions,
  CyclicLR,
  type CyclicLROptions,
  OneCycleLR,
  type OneCycleLROptions,
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
  stepDecay,
  multiStepDecay,
  constantFactor,
  linearFactor,
  exponentialDecay,
  polynomialDecay,
  cosineAnnealing,
  cosineWarmRestarts,
  warmRestartPosition,
  restartEpochs,
  type WarmRestartPosition,
  cyclicLr,
  cyclicMomentum,
  oneCycleLr,
  oneCycleMomentum,
  crLog,
  pyLog,
  sampleSchedule,
  type SampleOptions,
  type SampledSchedule,
  differences,
  type Difference,
  type DifferenceKind,
};
