/**
 * Cosine schedules as pure functions: SGDR's closed form (which `CosineAnnealingLR.step(epoch)`
 * and `CosineAnnealingWarmRestarts` use), the position inside a warm-restart cycle, and the
 * restart epochs.
 *
 * @packageDocumentation
 */
import { ValueError } from '../errors.ts';
import { pyLog } from '../math/py-log.ts';
import { pyRepr } from '../python.ts';

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
export function cosineAnnealing(
  baseLr: number,
  etaMin: number,
  tCur: number,
  period: number,
): number {
  return etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * tCur) / period))) / 2;
}

/** Position in a warm-restart schedule: PyTorch's `T_cur` and `T_i` for an epoch. */
export interface WarmRestartPosition {
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
export function warmRestartPosition(
  epoch: number,
  T_0: number,
  T_mult: number,
): WarmRestartPosition {
  if (epoch < 0) throw new ValueError(`Expected non-negative epoch, but got ${pyRepr(epoch)}`);
  if (epoch < T_0) return { T_cur: epoch, T_i: T_0 };
  if (T_mult === 1) return { T_cur: epoch % T_0, T_i: T_0 };
  const x = (epoch / T_0) * (T_mult - 1) + 1;
  // Math.log is within an ulp of glibc, so this quotient is within ~1e-13 of Python's: only near
  // an integer can truncation differ, and only there is the exact (slower) logarithm needed.
  const approx = Math.log(x) / Math.log(T_mult);
  const n = Math.trunc(Math.abs(approx - Math.round(approx)) > 1e-9 ? approx : pyLog(x, T_mult));
  const power = T_mult ** n;
  return { T_cur: epoch - (T_0 * (power - 1)) / (T_mult - 1), T_i: T_0 * power };
}

/**
 * `CosineAnnealingWarmRestarts` as a pure function of an explicit epoch (what
 * `scheduler.step(epoch)` writes).
 *
 * @example `cosineWarmRestarts(0.1, 0, 15, 5, 2) === 0.1` (a restart)
 */
export function cosineWarmRestarts(
  baseLr: number,
  etaMin: number,
  epoch: number,
  T_0: number,
  T_mult: number,
): number {
  const { T_cur, T_i } = warmRestartPosition(epoch, T_0, T_mult);
  return cosineAnnealing(baseLr, etaMin, T_cur, T_i);
}

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
export function restartEpochs(T_0: number, T_mult: number, count: number): number[] {
  if (!Number.isInteger(T_0) || T_0 <= 0) {
    throw new ValueError(`Expected positive integer T_0, but got ${pyRepr(T_0)}`);
  }
  if (!Number.isInteger(T_mult) || T_mult < 1) {
    throw new ValueError(`Expected integer T_mult >= 1, but got ${pyRepr(T_mult)}`);
  }
  const epochs: number[] = [];
  let epoch = 0;
  let cycle = T_0;
  for (let i = 0; i < count && Number.isSafeInteger(epoch + cycle); i += 1) {
    epoch += cycle;
    epochs.push(epoch);
    cycle *= T_mult;
  }
  return epochs;
}
