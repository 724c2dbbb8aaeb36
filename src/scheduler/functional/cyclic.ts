/**
 * The cyclical learning-rate policy (Smith, 2017) as pure functions of the step: where a step
 * falls in its cycle, the three built-in amplitude scalings, and the learning rate and momentum
 * that `CyclicLR` writes. Every function evaluates in PyTorch's order of floating-point
 * operations, so the class that calls them matches PyTorch.
 *
 * @packageDocumentation
 */
import { ValueError } from '../errors.ts';
import { trueDiv } from '../python.ts';

/** A built-in cycling policy of `CyclicLR`. */
export type CyclicMode = 'triangular' | 'triangular2' | 'exp_range';

/**
 * What a scale function is evaluated on: the cycle number (`'cycle'`, starting at 1) or the
 * total number of steps so far (`'iterations'`; not the steps inside the current cycle).
 */
export type CyclicScaleMode = 'cycle' | 'iterations';

/** A custom amplitude scaling `x ↦ f(x)` (PyTorch's `scale_fn`), expected in `[0, 1]`. */
export type ScaleFunction = (x: number) => number;

/**
 * `'triangular'`: the amplitude is never scaled.
 *
 * $$f(x) = 1$$
 *
 * @param _x - the cycle number (ignored).
 * @returns `1.0`.
 */
export function triangularScale(_x: number): number {
  return 1.0;
}

/**
 * `'triangular2'`: the amplitude halves every cycle.
 *
 * $$f(c) = \frac{1}{2^{c-1}}$$
 *
 * @param cycle - the cycle number `c` (1 for the first cycle).
 * @example `triangular2Scale(3) === 0.25`
 */
export function triangular2Scale(cycle: number): number {
  return 1 / 2.0 ** (cycle - 1);
}

/**
 * `'exp_range'`: the amplitude decays by `gamma` at every step.
 *
 * $$f(n) = \gamma^{n}$$
 *
 * @param gamma - the decay per step.
 * @param iterations - the number of steps so far, `n`.
 * @example `expRangeScale(0.5, 3) === 0.125`
 */
export function expRangeScale(gamma: number, iterations: number): number {
  return gamma ** iterations;
}

/** A resolved scaling: the function and what it is evaluated on. */
export interface CyclicScaling {
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
export function cyclicScaling(
  mode: string,
  gamma: number,
  scaleFn?: ScaleFunction | null,
  scaleMode: CyclicScaleMode = 'cycle',
): CyclicScaling {
  if (scaleFn !== undefined && scaleFn !== null) return { fn: scaleFn, scaleMode };
  switch (mode) {
    case 'triangular':
      return { fn: triangularScale, scaleMode: 'cycle' };
    case 'triangular2':
      return { fn: triangular2Scale, scaleMode: 'cycle' };
    case 'exp_range':
      return { fn: (x) => expRangeScale(gamma, x), scaleMode: 'iterations' };
    default:
      throw new ValueError('mode is invalid and scale_fn is None');
  }
}

/** The length of a cycle and the share of it spent rising. */
export interface CyclicGeometry {
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
export function cyclicGeometry(stepSizeUp: number, stepSizeDown?: number | null): CyclicGeometry {
  const down = stepSizeDown ?? stepSizeUp;
  const totalSize = stepSizeUp + down;
  return { totalSize, stepRatio: trueDiv(stepSizeUp, totalSize) };
}

/** Where a step falls in its cycle. */
export interface CyclicPosition {
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
export function cyclicPosition(step: number, geometry: CyclicGeometry): CyclicPosition {
  const { totalSize, stepRatio } = geometry;
  const cycle = Math.floor(1 + trueDiv(step, totalSize));
  const x = 1.0 + step / totalSize - cycle;
  const scaleFactor = x <= stepRatio ? trueDiv(x, stepRatio) : trueDiv(x - 1, stepRatio - 1);
  return { cycle, scaleFactor };
}

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
export function cyclicLrValue(
  baseLr: number,
  maxLr: number,
  scaleFactor: number,
  scale: number,
): number {
  return baseLr + (maxLr - baseLr) * scaleFactor * scale;
}

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
export function cyclicMomentumValue(
  baseMomentum: number,
  maxMomentum: number,
  scaleFactor: number,
  scale: number,
): number {
  return maxMomentum - (maxMomentum - baseMomentum) * scaleFactor * scale;
}

/** The shape of a cyclical schedule, with `CyclicLR`'s keyword names and defaults. */
export interface CyclicShapeOptions {
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
export interface CyclicLrOptions extends CyclicShapeOptions {
  base_lr: number;
  max_lr: number;
}

/** Options of {@link cyclicMomentum}. */
export interface CyclicMomentumOptions extends CyclicShapeOptions {
  /** Default 0.8. */
  base_momentum?: number;
  /** Default 0.9. */
  max_momentum?: number;
}

function positionAndScale(step: number, options: CyclicShapeOptions) {
  const geometry = cyclicGeometry(options.step_size_up ?? 2000, options.step_size_down);
  const scaling = cyclicScaling(
    options.mode ?? 'triangular',
    options.gamma ?? 1.0,
    options.scale_fn,
    options.scale_mode,
  );
  const { cycle, scaleFactor } = cyclicPosition(step, geometry);
  const scale = scaling.fn(scaling.scaleMode === 'cycle' ? cycle : step);
  return { scaleFactor, scale };
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
export function cyclicLr(step: number, options: CyclicLrOptions): number {
  const { scaleFactor, scale } = positionAndScale(step, options);
  return cyclicLrValue(options.base_lr, options.max_lr, scaleFactor, scale);
}

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
export function cyclicMomentum(step: number, options: CyclicMomentumOptions): number {
  const { scaleFactor, scale } = positionAndScale(step, options);
  return cyclicMomentumValue(
    options.base_momentum ?? 0.8,
    options.max_momentum ?? 0.9,
    scaleFactor,
    scale,
  );
}
