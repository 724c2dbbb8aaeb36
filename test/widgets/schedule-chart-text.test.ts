/**
 * Localized text of `ScheduleChart` and the widget dictionaries: number formats, the accessible
 * summary, one message per error key in both languages (every placeholder the dictionary uses is
 * one the model provides), and the data-table note.
 */
import { describe, expect, it } from 'vitest';
import '../helpers/scheduler-classes.ts';
import { CosineAnnealingWarmRestarts, sampleSchedule } from '../../src/scheduler/index.ts';
import { locales } from '../../src/i18n/locales.ts';
import {
  scheduleChartUi,
  useScheduleChartTranslations,
} from '../../src/i18n/widgets/schedule-chart.ts';
import { saddleSurfaceUi } from '../../src/i18n/widgets/saddle-surface.ts';
import {
  MAX_STEPS,
  applyTexts,
  chartSpecFromProps,
  evaluate,
  withShownDefaults,
  type ErrorKey,
  type FieldProblem,
} from '../../src/widgets/schedule-chart/model.ts';
import {
  chartSummary,
  formatEpoch,
  formatLr,
  problemMessage,
  tableNote,
} from '../../src/widgets/schedule-chart/text.ts';

const en = useScheduleChartTranslations('en');
const zh = useScheduleChartTranslations('zh-cn');

describe('number formats', () => {
  it('formats learning rates with Intl, in scientific notation when tiny', () => {
    expect(formatLr('en', 0.1)).toBe('0.1');
    expect(formatLr('en', 0.0904508497)).toBe('0.09045');
    expect(formatLr('zh-cn', 0.0904508497, 6)).toBe('0.0904508');
    expect(formatLr('en', 0.000015)).toBe('1.5E-5');
    expect(formatLr('en', 0)).toBe('0');
  });

  it('writes epochs like code values', () => {
    expect(formatEpoch('en', 1270)).toBe('1270');
    expect(formatEpoch('zh-cn', 12.5)).toBe('12.5');
    expect(formatEpoch('en', 1 / 3)).toBe('0.333');
  });
});

describe('accessible summary', () => {
  const spec = withShownDefaults(
    chartSpecFromProps({
      scheduler: 'CosineAnnealingWarmRestarts',
      options: { T_0: 5, T_mult: 2 },
      lr: 0.1,
      epochs: 160,
      markRestarts: true,
    }),
  );
  const evaluation = evaluate(spec);
  const curves = evaluation.ok ? evaluation.curves : [];
  const { lr } = sampleSchedule(
    (optimizer) => new CosineAnnealingWarmRestarts(optimizer, { T_0: 5, T_mult: 2 }),
    { lr: 0.1, epochs: 160 },
  );
  const values = Array.from(lr);
  const format = (lang: string, value: number) =>
    new Intl.NumberFormat(lang, {
      maximumSignificantDigits: 4,
      ...(value < 1e-3 ? { notation: 'scientific' as const } : {}),
    }).format(value);
  const min = Math.min(...values);
  const end = values.at(-1)!;
  // A warm restart is a jump up; cosine annealing only ever descends within a cycle.
  const restarts = values.filter((value, epoch) => epoch > 0 && value > values[epoch - 1]!).length;

  it('reads the curve in English', () => {
    expect(chartSummary(en, 'en', spec, curves)).toBe(
      'Line chart of the learning rate over 160 epochs. ' +
        `CosineAnnealingWarmRestarts(T_0=5, T_mult=2, eta_min=0): starts at 0.1, minimum ${format('en', min)}, maximum 0.1, ends at ${format('en', end)}. ` +
        `Warm restarts: ${restarts}.`,
    );
  });

  it('reads the curve in Chinese', () => {
    expect(chartSummary(zh, 'zh-cn', spec, curves)).toBe(
      '160 轮内学习率变化的折线图。' +
        `CosineAnnealingWarmRestarts(T_0=5, T_mult=2, eta_min=0)：起始值 0.1，最小值 ${format('zh-CN', min)}，最大值 0.1，最终值 ${format('zh-CN', end)}。` +
        `热重启次数：${restarts}。`,
    );
  });
});

describe('error messages', () => {
  const chart = withShownDefaults(
    chartSpecFromProps({
      scheduler: 'CosineAnnealingWarmRestarts',
      options: { T_0: 5 },
      lr: 0.1,
      epochs: 20,
      stepsPerEpoch: 2,
    }),
  );
  const problem = (path: string, text: string): FieldProblem => {
    const applied = applyTexts(chart, new Map([[path, text]]));
    if (applied.problems[0]) return applied.problems[0];
    const evaluation = evaluate(applied.spec);
    if (evaluation.ok) throw new Error(`${path}=${text} is valid`);
    return evaluation.problem;
  };

  it('localizes the engine’s errors, with the option name as code', () => {
    const p = problem('series.0.options.T_0', '0');
    expect(problemMessage(en, 'en', p)).toBe('T_0 must be a positive integer.');
    expect(problemMessage(zh, 'zh-cn', p)).toBe('T_0 必须是正整数。');
    expect(p.pytorch).toBe('ValueError: Expected positive integer T_0, but got 0');
  });

  it('localizes the widget’s own limits', () => {
    const p = problem('stepsPerEpoch', String(MAX_STEPS));
    expect(problemMessage(en, 'en', p)).toBe(`epochs × iters may be at most ${MAX_STEPS}.`);
    expect(problemMessage(zh, 'zh-cn', p)).toBe(`epochs × iters 不能超过 ${MAX_STEPS}。`);
    expect(problemMessage(en, 'en', problem('series.0.lr', '1e308'))).toBe(
      'The values overflow: the learning rate is no longer a finite number.',
    );
  });

  it('has a message for every error key in both languages, with the placeholders the model fills', () => {
    const values: Record<ErrorKey, Record<string, string | number>> = {
      empty: { name: 'T_0' },
      notNumber: { name: 'T_0' },
      notList: { name: 'milestones' },
      epochs: { max: MAX_STEPS },
      stepsPerEpoch: { max: MAX_STEPS },
      tooManySteps: { max: MAX_STEPS },
      overflow: {},
      nan: {},
      positiveInteger: { name: 'T_0' },
      integerAtLeastOne: { name: 'T_mult' },
      zeroDivision: {},
      negativeLr: {},
      factorRange: { name: 'factor' },
      startFactorRange: {},
      factorBelowOne: {},
      pctStart: {},
      totalSteps: { steps: 11, total: 10 },
      oneCycleLength: {},
      milestoneCount: {},
      negativeEpoch: {},
      other: {},
      exprTooLong: { max: 200 },
      exprCharacter: { text: '$', column: 7 },
      exprNumber: { text: '007', column: 1 },
      exprUnexpected: { text: ')', column: 6 },
      exprEnd: { column: 7 },
      exprName: { text: 'foo', column: 1 },
      exprOneArgument: { name: 'abs' },
      exprLogArguments: {},
      exprMinMaxArguments: { name: 'min' },
      exprZeroDivision: { epoch: 3 },
      exprDomain: { epoch: 3 },
      exprOverflow: { epoch: 3 },
      exprComplex: { epoch: 3 },
    };
    for (const locale of locales) {
      const t = useScheduleChartTranslations(locale);
      for (const [key, placeholders] of Object.entries(values)) {
        const message = problemMessage(t, locale, { key: key as ErrorKey, values: placeholders });
        expect(message, `${locale} ${key}`).not.toMatch(/[{}]/);
        expect(message.length).toBeGreaterThan(3);
      }
    }
  });
});

describe('data-table note', () => {
  it('explains thinned rows and per-batch steps', () => {
    expect(tableNote(en, 'en', { every: 1, rows: [] })).toBe('');
    expect(tableNote(en, 'en', { every: 5, rows: [] }, 20)).toBe(
      'One row every 5 epochs, plus the last epoch. With 20 steps per epoch, each row shows the learning rate of the epoch’s first step.',
    );
    expect(tableNote(zh, 'zh-cn', { every: 5, rows: [] })).toBe(
      '每隔 5 轮列出一行，另加最后一轮。',
    );
  });
});

describe('dictionaries', () => {
  it.each([
    ['ScheduleChart', scheduleChartUi],
    ['SaddleSurface', saddleSurfaceUi],
  ] as const)('%s has the same keys in both languages, none empty', (_, dictionary) => {
    const keys = Object.keys(dictionary.en).sort();
    expect(Object.keys(dictionary['zh-cn']).sort()).toEqual(keys);
    for (const locale of locales) {
      for (const text of Object.values(dictionary[locale])) expect(text.trim()).not.toBe('');
    }
  });
});
