/**
 * Python exception classes that the port throws where PyTorch raises them.
 *
 * The message of each error is PyTorch's own message, character for character, so a reader
 * who searches for it finds the PyTorch documentation and issues about it.
 *
 * @packageDocumentation
 */

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
export class ValueError extends Error {
  override name = 'ValueError';
}

/**
 * Thrown where PyTorch raises `TypeError` (for example a non-callable `lr_lambda`).
 * Named `PyTypeError` so it does not shadow JavaScript's built-in `TypeError`; it extends it.
 */
export class PyTypeError extends TypeError {
  override name = 'TypeError';
}

/**
 * Thrown where Python would raise `ZeroDivisionError`; JavaScript would silently give
 * `Infinity` or `NaN` instead (for example `CosineAnnealingLR` with `T_max: 0`, which PyTorch
 * accepts and then fails on with "integer modulo by zero").
 */
export class ZeroDivisionError extends Error {
  override name = 'ZeroDivisionError';
}

/** Thrown where PyTorch raises `KeyError` (resuming without `initial_lr` in a param group). */
export class KeyError extends Error {
  override name = 'KeyError';
}

/** Thrown where PyTorch raises `RuntimeError`. */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}
