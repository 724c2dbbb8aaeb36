/**
 * The few pieces of Python semantics the port needs to reproduce PyTorch exactly: floor
 * division and modulo that raise on zero, float formatting as `repr()` prints it, and
 * broadcasting a scalar-or-list argument over param groups.
 *
 * @packageDocumentation
 */
import { ValueError, ZeroDivisionError } from './errors.ts';

/**
 * Python's `a // b`: floor division, raising where Python raises.
 *
 * @throws {@link ZeroDivisionError} for `b === 0`, with Python's message.
 */
export function floorDiv(a: number, b: number): number {
  if (b === 0) {
    throw new ZeroDivisionError(
      Number.isInteger(a) && Number.isInteger(b)
        ? 'integer division or modulo by zero'
        : 'float floor division by zero',
    );
  }
  return Math.floor(a / b);
}

/**
 * Python's `a % b`: the result has the sign of the divisor.
 *
 * @throws {@link ZeroDivisionError} for `b === 0`, with Python's message.
 */
export function floorMod(a: number, b: number): number {
  if (b === 0) {
    throw new ZeroDivisionError(
      Number.isInteger(a) && Number.isInteger(b) ? 'integer modulo by zero' : 'float modulo',
    );
  }
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/**
 * Python's true division `a / b`.
 *
 * @param ints - whether both operands are Python ints there (JavaScript cannot tell), which
 *   only changes the message: "division by zero" for ints, "float division by zero" otherwise.
 * @throws {@link ZeroDivisionError} for `b === 0`.
 */
export function trueDiv(a: number, b: number, ints = false): number {
  if (b === 0) throw new ZeroDivisionError(ints ? 'division by zero' : 'float division by zero');
  return a / b;
}

/**
 * Formats a number as Python's `repr()` does for an `int` (when the value is integral and
 * below 1e16) or a `float` otherwise. JavaScript cannot tell `2` from `2.0`, so an integral
 * value always prints as an int: PyTorch's "got 2.0" is "got 2" here.
 */
export function pyRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return Object.is(x, -0) ? '-0.0' : String(x);
  // toExponential() without an argument gives the shortest round-trip digits, like repr().
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const text = String(x);
  return Number.isInteger(x) ? `${text}.0` : text;
}

/**
 * Python's `repr()` of a value in an error message: numbers as {@link pyRepr}, strings quoted
 * as Python quotes them, arrays as lists.
 */
export function pyFormat(value: unknown): string {
  if (typeof value === 'number') return pyRepr(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null || value === undefined) return 'None';
  if (Array.isArray(value)) return `[${value.map(pyQuote).join(', ')}]`;
  return String(value);
}

function pyQuote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : pyFormat(value);
}

/**
 * PyTorch's `_format_param`: one value per param group, from a scalar or a list.
 *
 * @throws {@link ValueError} when a list's length differs from the number of groups.
 */
export function broadcast(name: string, groupCount: number, value: number | readonly number[]) {
  if (typeof value === 'number') return new Array<number>(groupCount).fill(value);
  if (value.length !== groupCount) {
    throw new ValueError(
      `${name} must have the same length as optimizer.param_groups. ${name} has ${value.length} values, param_groups has ${groupCount}.`,
    );
  }
  return [...value];
}

/**
 * A float as JSON can carry it: finite numbers as they are, non-finite ones as the strings
 * Python's `float()` parses (`'inf'`, `'-inf'`, `'nan'`), since `JSON.stringify` would write
 * `null` and lose the value.
 */
export function toJsonFloat(x: number): number | string {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
}

/** Reads back {@link toJsonFloat}'s encoding; anything else gives `fallback`. */
export function fromJsonFloat(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  if (value === 'inf' || value === 'Infinity') return Infinity;
  if (value === '-inf' || value === '-Infinity') return -Infinity;
  if (value === 'nan' || value === 'NaN') return NaN;
  return fallback;
}
