/**
 * Closed-form, piecewise-constant and power schedules, as pure functions of the epoch.
 * Each is the formula PyTorch's `_get_closed_form_lr` evaluates, in the same order of
 * floating-point operations, so `step(epoch)` results match PyTorch.
 *
 * @packageDocumentation
 */
import { floorDiv, trueDiv } from '../python.ts';

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
export function stepDecay(baseLr: number, epoch: number, stepSize: number, gamma: number): number {
  return baseLr * gamma ** floorDiv(epoch, stepSize);
}

/**
 * `MultiStepLR`'s closed form: `gamma` applied once per milestone (counting repeats) at or
 * before the epoch.
 *
 * $$\eta_e = \eta_0\,\gamma^{\#\{m \in M : m \le e\}}$$
 *
 * @param milestones - the milestone multiset, in any order.
 * @example `multiStepDecay(1, 4, [2, 2, 4], 0.5) === 0.125`
 */
export function multiStepDecay(
  baseLr: number,
  epoch: number,
  milestones: readonly number[],
  gamma: number,
): number {
  let passed = 0;
  for (const m of milestones) if (m <= epoch) passed += 1;
  return baseLr * gamma ** passed;
}

/**
 * `ConstantLR`'s closed form: `factor` until `total_iters`, then 1.
 *
 * $$\eta_e = \eta_0\,(f + [e \ge T](1 - f))$$
 */
export function constantFactor(
  baseLr: number,
  epoch: number,
  factor: number,
  totalIters: number,
): number {
  return baseLr * (factor + (epoch >= totalIters ? 1 : 0) * (1 - factor));
}

/**
 * `LinearLR`'s closed form: the multiplier moves linearly from `start_factor` to
 * `end_factor` over `total_iters` epochs, then stays.
 *
 * $$\eta_e = \eta_0\left(s + \frac{(f_e - s)\min(T, e)}{T}\right)$$
 *
 * @throws {@link ZeroDivisionError} for `totalIters = 0`, as PyTorch's closed form does.
 */
export function linearFactor(
  baseLr: number,
  epoch: number,
  startFactor: number,
  endFactor: number,
  totalIters: number,
): number {
  return (
    baseLr *
    (startFactor + trueDiv((endFactor - startFactor) * Math.min(totalIters, epoch), totalIters))
  );
}

/**
 * `ExponentialLR`'s closed form.
 *
 * $$\eta_e = \eta_0\,\gamma^{e}$$
 */
export function exponentialDecay(baseLr: number, epoch: number, gamma: number): number {
  return baseLr * gamma ** epoch;
}

/**
 * `PolynomialLR`'s closed form: decays to exactly 0 at `total_iters` and stays there.
 *
 * $$\eta_e = \eta_0\left(1 - \frac{\min(T, e)}{T}\right)^{p}$$
 *
 * @throws {@link ZeroDivisionError} for `totalIters = 0`, as PyTorch's closed form does.
 */
export function polynomialDecay(
  baseLr: number,
  epoch: number,
  totalIters: number,
  power: number,
): number {
  const ints = Number.isInteger(epoch) && Number.isInteger(totalIters);
  return baseLr * (1.0 - trueDiv(Math.min(totalIters, epoch), totalIters, ints)) ** power;
}
