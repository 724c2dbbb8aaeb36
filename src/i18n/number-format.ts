/**
 * Number formatting for the site's locales without `Intl.NumberFormat`.
 *
 * The first `Intl.NumberFormat` a page creates initializes ICU's number formatting: ~35 ms on a
 * desktop, ~140 ms under Lighthouse's 4× CPU throttling, inside the task that first draws a chart.
 * English and Simplified Chinese write numbers the same way (`.` decimal point, `,` groups of
 * three, `E` exponent, `%` after the number), so the subset of options the widgets use is
 * implemented here on JavaScript's shortest round-trip decimal, rounded half away from zero as
 * ICU rounds it. `test/site/number-format.test.ts` checks the output against `Intl.NumberFormat`
 * for random numbers and the option combinations the site uses. Beyond about 14 significant
 * digits ICU's own double conversion is approximate (it writes 0.9999999999999994 with 15 digits
 * as `1`), where this formatter keeps rounding the exact shortest decimal; the site never asks
 * for more than 6.
 *
 * @module
 */

/** The `Intl.NumberFormat` options this formatter supports, with `Intl`'s meaning and defaults. */
export interface DecimalFormatOptions {
  /** `'percent'` multiplies by 100 and appends `%` (default fraction digits 0 instead of 3). */
  readonly style?: 'decimal' | 'percent';
  /** `'scientific'` writes `1.5E-5`; digit options apply to the mantissa. */
  readonly notation?: 'standard' | 'scientific';
  /** Group the integer part in threes with `,` (default true; never in scientific notation). */
  readonly useGrouping?: boolean;
  /** Round to at most this many fraction digits (default 3, or 0 for percent). */
  readonly maximumFractionDigits?: number;
  /** Round to at most this many significant digits; fraction-digit options are then ignored. */
  readonly maximumSignificantDigits?: number;
}

/** A non-negative decimal: `digits × 10^(exponent − digits.length + 1)`, first digit non-zero. */
interface Decimal {
  digits: string;
  /** Power of ten of the first digit. */
  exponent: number;
}

/** The shortest decimal that reads back as `value` (finite, positive), as `String` gives it. */
function shortestDecimal(value: number): Decimal {
  const [mantissa, power = '0'] = value.toExponential().split('e');
  return { digits: mantissa!.replace('.', ''), exponent: Number(power) };
}

/**
 * Round to keep digits down to the power of ten `lowest`, half away from zero; `null` when the
 * value rounds to zero.
 */
function roundAt(decimal: Decimal, lowest: number): Decimal | null {
  const keep = decimal.exponent - lowest + 1;
  if (keep >= decimal.digits.length) return decimal;
  if (keep < 0) return null;
  const roundUp = decimal.digits.charCodeAt(keep) >= 53; // '5'
  let digits = decimal.digits.slice(0, keep);
  let { exponent } = decimal;
  if (roundUp) {
    const incremented = (BigInt(digits === '' ? '0' : digits) + 1n).toString();
    if (incremented.length > digits.length) exponent += 1;
    digits = incremented;
  }
  digits = digits.replace(/0+$/, '');
  return digits === '' ? null : { digits, exponent };
}

/** Plain positional notation of a decimal (or `0`), with optional grouping of the integer part. */
function positional(decimal: Decimal | null, grouping: boolean): string {
  if (decimal === null) return '0';
  const { digits, exponent } = decimal;
  let integer: string;
  let fraction: string;
  if (exponent < 0) {
    integer = '0';
    fraction = '0'.repeat(-exponent - 1) + digits;
  } else {
    const padded = digits.padEnd(exponent + 1, '0');
    integer = padded.slice(0, exponent + 1);
    fraction = padded.slice(exponent + 1);
  }
  if (grouping) integer = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === '' ? integer : `${integer}.${fraction}`;
}

/**
 * Format a number as `Intl.NumberFormat('en' | 'zh-CN', options)` does, for the supported options.
 *
 * @param value - Any number; `NaN` gives `NaN`, infinities `∞` and `-∞`.
 * @param options - See {@link DecimalFormatOptions}.
 * @returns The formatted number.
 * @example
 * formatDecimal(1234.5678); // '1,234.568'
 * formatDecimal(1.5e-5, { notation: 'scientific', maximumSignificantDigits: 4 }); // '1.5E-5'
 * formatDecimal(0.2567, { style: 'percent', maximumFractionDigits: 1 }); // '25.7%'
 */
export function formatDecimal(value: number, options: DecimalFormatOptions = {}): string {
  const percent = options.style === 'percent';
  const suffix = percent ? '%' : '';
  if (Number.isNaN(value)) return `NaN${suffix}`;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞${suffix}`;
  const magnitude = Math.abs(value);
  let decimal: Decimal | null = null;
  if (magnitude !== 0) {
    decimal = shortestDecimal(magnitude);
    // ×100 on the decimal digits, as ICU does, not on the binary double.
    if (percent) decimal = { digits: decimal.digits, exponent: decimal.exponent + 2 };
  }
  const significant = options.maximumSignificantDigits;
  const fractionDigits = options.maximumFractionDigits ?? (percent ? 0 : 3);
  if (options.notation === 'scientific') {
    if (decimal === null) return `${sign}0E0${suffix}`;
    const rounded = roundAt(
      decimal,
      significant !== undefined
        ? decimal.exponent - significant + 1
        : decimal.exponent - fractionDigits,
    )!;
    const mantissa = positional({ digits: rounded.digits, exponent: 0 }, false);
    return `${sign}${mantissa}E${rounded.exponent}${suffix}`;
  }
  if (decimal !== null) {
    decimal = roundAt(
      decimal,
      significant !== undefined ? decimal.exponent - significant + 1 : -fractionDigits,
    );
  }
  return `${sign}${positional(decimal, options.useGrouping ?? true)}${suffix}`;
}
