/**
 * The playground's formulas: the number format of the substituted values, the variant a
 * configuration shows, build-time typesetting with KaTeX (every slot marked in the HTML and the
 * MathML, filled with the configuration's values), and, for the formulas that are easy to get
 * wrong, the formula as printed evaluated here against the engine's learning rates.
 */
import { describe, expect, it } from 'vitest';
import '../helpers/scheduler-classes.ts';
import { sampleSeries } from '../../src/widgets/schedule-chart/model.ts';
import {
  formulaNumber,
  formulaValues,
  formulaVariant,
  formulaVariants,
} from '../../src/widgets/playground/formula.ts';
import * as expressionLanguage from '../../src/widgets/playground/expression.ts';
import {
  newSeries,
  playgroundSchedulers,
  type PlaygroundSeries,
  provideExpressions,
} from '../../src/widgets/playground/model.ts';
import { renderFormula } from '../../src/widgets/playground/render-formula.ts';

// The page loads the lr_lambda language as a chunk of its own; the model's tests have it at once.
provideExpressions(expressionLanguage);

describe('formulaNumber', () => {
  it.each([
    [0.1, '0.1'],
    [1 / 3, '0.3333'],
    [100, '100'],
    [10_000, '10000'],
    [0.001, '0.001'],
    [1e-4, '10⁻⁴'],
    [2.5e-4, '2.5×10⁻⁴'],
    [-3e-8, '−3×10⁻⁸'],
    [1e-8, '10⁻⁸'],
    [9.99999e-4, '10⁻³'],
    [1.5e6, '1.5×10⁶'],
    [-0.5, '−0.5'],
    [0, '0'],
    [Infinity, '∞'],
    [-Infinity, '−∞'],
    [Number.NaN, 'NaN'],
  ])('%d → %s', (value, text) => {
    expect(formulaNumber(value)).toBe(text);
  });

  it('writes lists, booleans, None and strings', () => {
    expect(formulaNumber([30, 80])).toBe('30, 80');
    expect(formulaNumber(true)).toBe('True');
    expect(formulaNumber(null)).toBe('None');
    expect(formulaNumber('cos')).toBe('cos');
  });
});

const withOptions = (
  scheduler: PlaygroundSeries['scheduler'],
  options: Record<string, unknown>,
  lr = 0.1,
): PlaygroundSeries => {
  const series = newSeries(scheduler, 100);
  return {
    ...series,
    lr,
    options: { ...series.options, ...options } as PlaygroundSeries['options'],
  };
};

describe('variants', () => {
  it('follow the choices that change a formula’s shape', () => {
    expect(formulaVariant(withOptions('CyclicLR', { mode: 'triangular2' }))).toBe(
      'CyclicLR:triangular2',
    );
    expect(
      formulaVariant(withOptions('OneCycleLR', { anneal_strategy: 'linear', three_phase: true })),
    ).toBe('OneCycleLR:linear:3');
    expect(formulaVariant(withOptions('OneCycleLR', {}))).toBe('OneCycleLR:cos:2');
    for (const name of playgroundSchedulers) {
      const composite = name === 'SequentialLR' || name === 'ChainedScheduler';
      expect(formulaVariants.includes(formulaVariant(newSeries(name, 100)))).toBe(!composite);
    }
  });

  it('fill the values PyTorch derives from None', () => {
    const cyclic = withOptions('CyclicLR', { step_size_up: 7, step_size_down: null });
    expect(formulaValues(cyclic)['step_size_down']).toBe('7');
    const oneCycle = withOptions('OneCycleLR', {
      total_steps: null,
      epochs: 10,
      steps_per_epoch: 12,
    });
    expect(formulaValues(oneCycle)['total_steps']).toBe('120');
  });
});

/** A configuration of each variant's shape. */
function seriesOf(variant: string): PlaygroundSeries {
  const [scheduler, first, second] = variant.split(':') as [
    PlaygroundSeries['scheduler'],
    string?,
    string?,
  ];
  if (scheduler === 'CyclicLR') return withOptions(scheduler, { mode: first });
  if (scheduler === 'OneCycleLR') {
    return withOptions(scheduler, { anneal_strategy: first, three_phase: second === '3' });
  }
  return newSeries(scheduler, 100);
}

describe('typeset at build time', () => {
  it.each(formulaVariants.map((variant) => [variant] as const))(
    '%s: KaTeX HTML and MathML, every slot marked and filled',
    (variant) => {
      const series = seriesOf(variant);
      const values = formulaValues(series);
      const html = renderFormula(variant, values);
      expect(html).not.toContain('katex-error');
      expect(html).not.toMatch(/@\d+@/);
      const [mathml, visual] = html.split('<span class="katex-html"');
      const slots = (part: string) =>
        [...part!.matchAll(/data-formula-value="(\w+)">([^<]*)</g)].map((m) => [m[1], m[2]]);
      expect(slots(mathml!).length).toBeGreaterThan(0);
      // KaTeX lays out the HTML of an array column by column, the MathML row by row.
      const sorted = (part: string) =>
        slots(part)
          .map((slot) => slot.join('='))
          .sort();
      expect(sorted(visual!)).toEqual(sorted(mathml!));
      for (const [name, text] of slots(visual!)) {
        expect(text).toBe(values[name!]!.replaceAll('&', '&amp;'));
      }
      // \htmlData marks the box of each value, which the page highlights.
      expect(new Set([...visual!.matchAll(/data-param="(\w+)"/g)].map((m) => m[1]))).toEqual(
        new Set(slots(visual!).map(([name]) => name)),
      );
    },
  );
});

/**
 * The formulas as printed, written out in JavaScript: the learning rate at step `t` of a
 * configuration, read off the displayed TeX.
 */
const printed: Record<string, (t: number, o: Record<string, number>, lr?: number) => number> = {
  LinearLR: (t, o, lr = 1) =>
    lr *
    (o['start_factor']! +
      ((o['end_factor']! - o['start_factor']!) * Math.min(t, o['total_iters']!)) /
        o['total_iters']!),
  PolynomialLR: (t, o, lr = 1) =>
    lr * (1 - Math.min(t, o['total_iters']!) / o['total_iters']!) ** o['power']!,
  cyclic: (t, o) => {
    const u = o['step_size_up']!;
    const d = o['step_size_down']!;
    const tau = t % (u + d);
    const h = tau <= u ? tau / u : 1 - (tau - u) / d;
    const c = Math.floor(1 + t / (u + d));
    const f = o['mode'] === 2 ? 2 ** (1 - c) : o['mode'] === 3 ? o['gamma']! ** t : 1;
    return o['base_lr']! + (o['max_lr']! - o['base_lr']!) * h * f;
  },
  oneCycle: (t, o) => {
    const T = o['total_steps']!;
    const s1 = o['pct_start']! * T - 1;
    const s2 = 2 * o['pct_start']! * T - 2;
    const max = o['max_lr']!;
    const initial = max / o['div_factor']!;
    const min = initial / o['final_div_factor']!;
    const A = (a: number, b: number, x: number) =>
      o['cos'] ? b + 0.5 * (a - b) * (1 + Math.cos(Math.PI * x)) : a + (b - a) * x;
    if (t <= s1) return A(initial, max, t / s1);
    if (o['three'] && t <= s2) return A(max, initial, (t - s1) / (s2 - s1));
    const start = o['three'] ? s2 : s1;
    return A(o['three'] ? initial : max, min, (t - start) / (T - 1 - start));
  },
};

function expectFormula(series: PlaygroundSeries, steps: number, at: (t: number) => number) {
  const { lr } = sampleSeries(series, steps);
  lr.forEach((value, t) => {
    expect(Math.abs(at(t) - value), `step ${t}`).toBeLessThanOrEqual(1e-12 * Math.max(1, value));
  });
}

describe('the formulas as printed match the engine', () => {
  it('LinearLR and PolynomialLR', () => {
    const linear = { start_factor: 0.25, end_factor: 0.9, total_iters: 9 };
    expectFormula(withOptions('LinearLR', linear), 20, (t) => printed['LinearLR']!(t, linear, 0.1));
    const poly = { total_iters: 13, power: 2.5 };
    expectFormula(withOptions('PolynomialLR', poly), 20, (t) =>
      printed['PolynomialLR']!(t, poly, 0.1),
    );
  });

  it.each([
    ['triangular', 1],
    ['triangular2', 2],
    ['exp_range', 3],
  ] as const)('CyclicLR, %s', (mode, code) => {
    const options = { base_lr: 0.01, max_lr: 0.1, step_size_up: 7, step_size_down: 4, gamma: 0.97 };
    expectFormula(withOptions('CyclicLR', { ...options, mode }), 60, (t) =>
      printed['cyclic']!(t, { ...options, mode: code }),
    );
  });

  it.each([
    ['cos', false],
    ['cos', true],
    ['linear', false],
    ['linear', true],
  ] as const)('OneCycleLR, %s, three_phase=%s', (strategy, three) => {
    const options = {
      max_lr: 0.5,
      total_steps: 50,
      pct_start: 0.3,
      div_factor: 25,
      final_div_factor: 1e4,
    };
    expectFormula(
      withOptions('OneCycleLR', { ...options, anneal_strategy: strategy, three_phase: three }),
      50,
      (t) =>
        printed['oneCycle']!(t, {
          ...options,
          cos: strategy === 'cos' ? 1 : 0,
          three: three ? 1 : 0,
        }),
    );
  });
});
