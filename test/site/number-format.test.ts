/** `formatDecimal` against `Intl.NumberFormat` itself, for both site locales. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, type DecimalFormatOptions } from '../../src/i18n/number-format.ts';

const languages = ['en', 'zh-CN'] as const;

/** Every option combination the widgets use, and a few more around them. */
const optionSets: DecimalFormatOptions[] = [
  {},
  { useGrouping: false },
  { useGrouping: false, maximumFractionDigits: 0 },
  { useGrouping: false, maximumFractionDigits: 3 },
  { maximumFractionDigits: 1 },
  { maximumFractionDigits: 6 },
  { style: 'percent' },
  { style: 'percent', maximumFractionDigits: 1 },
  ...[1, 2, 3, 4, 6, 10].flatMap((digits) => [
    { maximumSignificantDigits: digits },
    { maximumSignificantDigits: digits, notation: 'scientific' as const },
  ]),
  { notation: 'scientific' },
];

const intl = (language: string, value: number, options: DecimalFormatOptions) =>
  new Intl.NumberFormat(language, options).format(value);

/** Doubles of every magnitude, and short decimals where rounding ties happen. */
const values = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.double({ min: -1, max: 1, noNaN: true }),
  fc
    .tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 0, max: 9 }))
    .map(([n, shift]) => n / 10 ** shift),
);

describe('formatDecimal', () => {
  it.each(optionSets.map((options) => [JSON.stringify(options), options] as const))(
    'writes what Intl.NumberFormat writes with %s',
    (_name, options) => {
      fc.assert(
        fc.property(values, (value) => {
          for (const language of languages) {
            expect(formatDecimal(value, options)).toBe(intl(language, value, options));
          }
        }),
        { numRuns: 400 },
      );
    },
  );

  it.each([
    [1.005, { maximumFractionDigits: 2 }, '1.01'],
    [0.125, { maximumSignificantDigits: 2 }, '0.13'],
    [9.9996e-4, { maximumSignificantDigits: 4, notation: 'scientific' }, '1E-3'],
    [999_999.7, { maximumSignificantDigits: 4 }, '1,000,000'],
    [-0.0001, {}, '-0'],
    [-0, {}, '-0'],
    [Number.NaN, {}, 'NaN'],
    [-Infinity, {}, '-∞'],
    [0, { notation: 'scientific' }, '0E0'],
    [1e21, {}, '1,000,000,000,000,000,000,000'],
  ] as const)('formats %s with %j as %s, like Intl', (value, options, expected) => {
    expect(intl('en', value, options)).toBe(expected);
    expect(formatDecimal(value, options)).toBe(expected);
  });
});
