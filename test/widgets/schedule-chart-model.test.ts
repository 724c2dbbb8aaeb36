/**
 * The pure model of the `ScheduleChart` widget: article props → chart specification, the
 * editable fields, parsing and validation of what a reader types (every class of invalid input
 * gives its own error key and nothing throws), sampling (identical to calling the engine
 * directly), warm-restart markers, summaries and the data table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../helpers/scheduler-classes.ts';
import {
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  LinearLR,
  SequentialLR,
  ValueError,
  ZeroDivisionError,
  restartEpochs,
  sampleSchedule,
} from '../../src/scheduler/index.ts';
import {
  MAX_STEPS,
  applyTexts,
  chartSpecFromProps,
  classifyError,
  dataSchedulers,
  dataTable,
  editableFields,
  evaluate,
  isEditable,
  optionFields,
  parseField,
  parseNumber,
  restartMarkers,
  sampleSeries,
  summarize,
  withShownDefaults,
  type ChartSpec,
  type FieldProblem,
  type ScheduleChartProps,
} from '../../src/widgets/schedule-chart/model.ts';

const cawrProps: ScheduleChartProps = {
  scheduler: 'CosineAnnealingWarmRestarts',
  options: { T_0: 5, T_mult: 2 },
  lr: 0.1,
  epochs: 35,
  markRestarts: true,
};
const cawr = withShownDefaults(chartSpecFromProps(cawrProps));

/** Apply one edited field, then evaluate: the first problem, or undefined when the chart is valid. */
function problemAfter(spec: ChartSpec, path: string, text: string): FieldProblem | undefined {
  const applied = applyTexts(spec, new Map([[path, text]]));
  if (applied.problems.length > 0) return applied.problems[0];
  const evaluation = evaluate(applied.spec);
  return evaluation.ok ? undefined : evaluation.problem;
}

/** A representative valid configuration of every data scheduler (required options only). */
const minimalOptions: Record<(typeof dataSchedulers)[number], Record<string, unknown>> = {
  StepLR: { step_size: 7 },
  MultiStepLR: { milestones: [10, 25] },
  ConstantLR: {},
  LinearLR: {},
  ExponentialLR: { gamma: 0.9 },
  PolynomialLR: {},
  CosineAnnealingLR: { T_max: 12 },
  CosineAnnealingWarmRestarts: { T_0: 4 },
  CyclicLR: { base_lr: 0.01, max_lr: 0.1, step_size_up: 4 },
  OneCycleLR: { max_lr: 0.1, total_steps: 40 },
  ReduceLROnPlateau: {},
};

describe('chartSpecFromProps', () => {
  it('turns top-level props into one series', () => {
    expect(chartSpecFromProps(cawrProps)).toEqual({
      series: [
        {
          scheduler: 'CosineAnnealingWarmRestarts',
          options: { T_0: 5, T_mult: 2 },
          lr: 0.1,
          label: undefined,
        },
      ],
      epochs: 35,
      stepsPerEpoch: undefined,
      markRestarts: true,
    });
  });

  it('ignores the top-level scheduler when series are given', () => {
    const spec = chartSpecFromProps({
      ...cawrProps,
      series: [
        { scheduler: 'CosineAnnealingLR', options: { T_max: 5 }, lr: 0.1, label: 'a' },
        { scheduler: 'StepLR', options: { step_size: 3 }, lr: 0.2 },
      ],
    });
    expect(spec.series.map((series) => [series.scheduler, series.lr, series.label])).toEqual([
      ['CosineAnnealingLR', 0.1, 'a'],
      ['StepLR', 0.2, undefined],
    ]);
  });

  it.each([
    [{ ...cawrProps, scheduler: 'CosineAnealingLR' }, /unknown scheduler/],
    [{ ...cawrProps, options: { T_0: 5, Tmult: 2 } }, /unknown option Tmult/],
    [{ ...cawrProps, options: { T_mult: 2 } }, /missing required option T_0/],
    [{ ...cawrProps, options: { T_0: '5' } }, /invalid value "5" for T_0/],
    [{ ...cawrProps, lr: undefined }, /lr must be a number/],
    [{ ...cawrProps, epochs: 0 }, /epochs/],
    [{ ...cawrProps, epochs: 400, stepsPerEpoch: 400 }, /tooManySteps/],
    [
      { ...cawrProps, scheduler: 'OneCycleLR', options: { max_lr: 1, anneal_strategy: 'sin' } },
      /invalid value "sin" for anneal_strategy/,
    ],
    [
      {
        ...cawrProps,
        scheduler: 'SequentialLR',
        options: { schedulers: [{ scheduler: 'Nope' }], milestones: [] },
      },
      /unknown scheduler "Nope"/,
    ],
  ])('rejects an article typo: %#', (props, message) => {
    expect(() => chartSpecFromProps(props as ScheduleChartProps)).toThrow(message);
  });
});

describe('defaults shown in the code', () => {
  it('writes out the always-shown options with their defaults, in PyTorch order', () => {
    expect(cawr.series[0]!.options).toEqual({ T_0: 5, T_mult: 2, eta_min: 0 });
    const linear = withShownDefaults(
      chartSpecFromProps({ scheduler: 'LinearLR', options: { total_iters: 4 }, lr: 1, epochs: 9 }),
    );
    expect(Object.keys(linear.series[0]!.options)).toEqual([
      'start_factor',
      'end_factor',
      'total_iters',
    ]);
  });

  it.each(dataSchedulers.map((name) => [name] as const))(
    'every default of %s is the engine’s own default',
    (name) => {
      const base = { scheduler: name, options: minimalOptions[name], lr: 0.1 } as const;
      const reference = sampleSeries(base, 40).lr;
      for (const field of optionFields[name]) {
        if (!('default' in field) || field.name in minimalOptions[name]) continue;
        const explicit = { ...base, options: { ...base.options, [field.name]: field.default } };
        expect(Array.from(sampleSeries(explicit, 40).lr), field.name).toEqual(
          Array.from(reference),
        );
      }
    },
  );
});

describe('editable fields', () => {
  it('lists lr, the shown options, epochs and iters with their texts', () => {
    const spec = withShownDefaults(chartSpecFromProps({ ...cawrProps, stepsPerEpoch: 20 }));
    expect(editableFields(spec).map((field) => [field.path, field.name, field.text])).toEqual([
      ['series.0.lr', 'lr', '0.1'],
      ['series.0.options.T_0', 'T_0', '5'],
      ['series.0.options.T_mult', 'T_mult', '2'],
      ['series.0.options.eta_min', 'eta_min', '0'],
      ['epochs', 'epochs', '35'],
      ['stepsPerEpoch', 'iters', '20'],
    ]);
  });

  it('reaches into composites: children first, then the milestones', () => {
    const spec = withShownDefaults(
      chartSpecFromProps({
        scheduler: 'SequentialLR',
        options: {
          schedulers: [
            { scheduler: 'LinearLR', options: { start_factor: 0.1, total_iters: 5 } },
            { scheduler: 'CosineAnnealingLR', options: { T_max: 45 } },
          ],
          milestones: [5],
        },
        lr: 0.1,
        epochs: 50,
      }),
    );
    expect(editableFields(spec).map((field) => field.path)).toEqual([
      'series.0.lr',
      'series.0.options.schedulers.0.options.start_factor',
      'series.0.options.schedulers.0.options.end_factor',
      'series.0.options.schedulers.0.options.total_iters',
      'series.0.options.schedulers.1.options.T_max',
      'series.0.options.schedulers.1.options.eta_min',
      'series.0.options.milestones',
      'epochs',
    ]);
  });

  it('has none for schedulers that take functions', () => {
    const spec = chartSpecFromProps({
      scheduler: 'LambdaLR',
      options: { lr_lambda: (epoch: number) => 0.9 ** epoch },
      lr: 0.1,
      epochs: 10,
    });
    expect(isEditable(spec)).toBe(false);
    expect(editableFields(spec)).toEqual([]);
    const evaluation = evaluate(spec);
    expect(evaluation.ok && Array.from(evaluation.curves[0]!.lr.slice(0, 3))).toEqual([
      0.1,
      0.1 * 0.9,
      0.1 * 0.9 ** 2,
    ]);
  });
});

describe('parsing what the reader types', () => {
  it.each([
    ['0.1', 0.1],
    [' 5 ', 5],
    ['1e-3', 0.001],
    ['1E+2', 100],
    ['.5', 0.5],
    ['5.', 5],
    ['1_000', 1000],
    ['-2', -2],
    ['1e308', 1e308],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
  ])('reads %j as a Python number', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('reads nan', () => {
    expect(parseNumber('NaN')).toBeNaN();
  });

  it.each(['', 'abc', '0.1.2', '1e', '--1', '0x10', '1_', '5 5'])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });

  const number = { kind: 'number', nullable: false } as const;
  it('names the problem', () => {
    expect(parseField(number, '')).toEqual({ ok: false, key: 'empty' });
    expect(parseField(number, '   ')).toEqual({ ok: false, key: 'empty' });
    expect(parseField(number, 'abc')).toEqual({ ok: false, key: 'notNumber' });
    expect(parseField(number, 'None')).toEqual({ ok: false, key: 'notNumber' });
    expect(parseField({ ...number, nullable: true }, 'None')).toEqual({ ok: true, value: null });
  });

  it('reads lists and choices', () => {
    const list = { kind: 'list', nullable: false } as const;
    expect(parseField(list, '30, 80')).toEqual({ ok: true, value: [30, 80] });
    expect(parseField(list, '[5]')).toEqual({ ok: true, value: [5] });
    expect(parseField(list, '')).toEqual({ ok: true, value: [] });
    expect(parseField(list, '5, x')).toEqual({ ok: false, key: 'notList' });
    const choice = { kind: 'choice', nullable: false, choices: ['cos', 'linear', true] } as const;
    expect(parseField(choice, "'linear'")).toEqual({ ok: true, value: 'linear' });
    expect(parseField(choice, 'True')).toEqual({ ok: true, value: true });
    expect(parseField(choice, 'linear')).toEqual({ ok: false, key: 'notNumber' });
  });
});

describe('invalid input gives the right error and never throws', () => {
  const T_0 = 'series.0.options.T_0';

  it.each([
    ['0', '0'],
    ['-1', '-1'],
    ['nan', 'nan'],
    ['2.5', '2.5'],
  ])('T_0 = %s: the engine’s ValueError, attached to T_0', (text, repr) => {
    expect(problemAfter(cawr, T_0, text)).toEqual({
      key: 'positiveInteger',
      values: { name: 'T_0' },
      pytorch: `ValueError: Expected positive integer T_0, but got ${repr}`,
      path: T_0,
    });
  });

  it('T_mult = 0: the engine’s ValueError, attached to T_mult', () => {
    expect(problemAfter(cawr, 'series.0.options.T_mult', '0')).toMatchObject({
      key: 'integerAtLeastOne',
      values: { name: 'T_mult' },
      path: 'series.0.options.T_mult',
    });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'notNumber'],
  ])('T_0 = %j: a widget error before the engine runs', (text, key) => {
    expect(problemAfter(cawr, T_0, text)).toEqual({ key, values: { name: 'T_0' }, path: T_0 });
  });

  it('lr = 1e308 overflows in the cosine formula', () => {
    expect(problemAfter(cawr, 'series.0.lr', '1e308')).toEqual({ key: 'overflow', values: {} });
  });

  it('lr = nan makes every value NaN', () => {
    expect(problemAfter(cawr, 'series.0.lr', 'nan')).toEqual({ key: 'nan', values: {} });
  });

  it('lr = -1 is rejected by the optimizer, attached to lr', () => {
    expect(problemAfter(cawr, 'series.0.lr', '-1')).toEqual({
      key: 'negativeLr',
      values: {},
      pytorch: 'ValueError: Invalid learning rate: -1',
      path: 'series.0.lr',
    });
  });

  it.each([
    ['0', 'epochs'],
    ['-1', 'epochs'],
    ['2.5', 'epochs'],
    ['1e308', 'epochs'],
    [String(MAX_STEPS + 1), 'epochs'],
  ])('epochs = %s', (text, key) => {
    expect(problemAfter(cawr, 'epochs', text)).toEqual({
      key,
      values: { max: MAX_STEPS },
      path: 'epochs',
    });
  });

  it('limits epochs × iters', () => {
    const perBatch = withShownDefaults(chartSpecFromProps({ ...cawrProps, stepsPerEpoch: 20 }));
    expect(problemAfter(perBatch, 'stepsPerEpoch', '0')).toMatchObject({ key: 'stepsPerEpoch' });
    expect(problemAfter(perBatch, 'stepsPerEpoch', String(MAX_STEPS))).toEqual({
      key: 'tooManySteps',
      values: { max: MAX_STEPS },
    });
    expect(
      problemAfter(perBatch, 'stepsPerEpoch', String(Math.floor(MAX_STEPS / 35))),
    ).toBeUndefined();
  });

  it('T_max = 0: PyTorch’s ZeroDivisionError, for the field edited last', () => {
    const cosine = withShownDefaults(
      chartSpecFromProps({
        scheduler: 'CosineAnnealingLR',
        options: { T_max: 5 },
        lr: 0.1,
        epochs: 9,
      }),
    );
    expect(problemAfter(cosine, 'series.0.options.T_max', '0')).toEqual({
      key: 'zeroDivision',
      values: {},
      pytorch: 'ZeroDivisionError: integer modulo by zero',
    });
  });

  it('factor ranges, pct_start, total_steps and milestones', () => {
    const chart = (props: Partial<ScheduleChartProps>) =>
      withShownDefaults(
        chartSpecFromProps({ lr: 0.1, epochs: 20, ...props } as ScheduleChartProps),
      );
    const linear = chart({ scheduler: 'LinearLR', options: {} });
    expect(problemAfter(linear, 'series.0.options.start_factor', '0')).toMatchObject({
      key: 'startFactorRange',
      path: 'series.0.options.start_factor',
    });
    expect(problemAfter(linear, 'series.0.options.end_factor', '2')).toMatchObject({
      key: 'factorRange',
      values: { name: 'end_factor' },
      path: 'series.0.options.end_factor',
    });
    const constant = chart({ scheduler: 'ConstantLR', options: {} });
    expect(problemAfter(constant, 'series.0.options.factor', '1.5')).toMatchObject({
      key: 'factorRange',
      path: 'series.0.options.factor',
    });
    const plateau = chart({ scheduler: 'ReduceLROnPlateau', options: {} });
    expect(problemAfter(plateau, 'series.0.options.factor', '1')).toMatchObject({
      key: 'factorBelowOne',
      path: 'series.0.options.factor',
    });
    const oneCycle = chart({ scheduler: 'OneCycleLR', options: { max_lr: 1, total_steps: 20 } });
    expect(problemAfter(oneCycle, 'series.0.options.pct_start', '1.5')).toMatchObject({
      key: 'pctStart',
      path: 'series.0.options.pct_start',
    });
    expect(problemAfter(oneCycle, 'series.0.options.total_steps', '10')).toEqual({
      key: 'totalSteps',
      values: { steps: 11, total: 10 },
      pytorch: 'ValueError: Tried to step 11 times. The specified number of total steps is 10',
      path: 'series.0.options.total_steps',
    });
    expect(problemAfter(oneCycle, 'series.0.options.total_steps', 'None')).toMatchObject({
      key: 'oneCycleLength',
      path: 'series.0.options.total_steps',
    });
    const warmup = chart({
      scheduler: 'SequentialLR',
      options: {
        schedulers: [
          { scheduler: 'LinearLR', options: { total_iters: 5 } },
          { scheduler: 'CosineAnnealingLR', options: { T_max: 15 } },
        ],
        milestones: [5],
      },
    });
    expect(problemAfter(warmup, 'series.0.options.milestones', '5, 10')).toMatchObject({
      key: 'milestoneCount',
      path: 'series.0.options.milestones',
    });
    expect(problemAfter(warmup, 'series.0.options.schedulers.1.options.T_max', '0')).toMatchObject({
      key: 'zeroDivision',
    });
  });

  it('never throws, whatever is typed into any field', () => {
    const charts = [
      cawr,
      withShownDefaults(chartSpecFromProps({ ...cawrProps, stepsPerEpoch: 3 })),
      withShownDefaults(
        chartSpecFromProps({
          scheduler: 'OneCycleLR',
          options: { max_lr: 0.1, total_steps: 30 },
          lr: 0.1,
          epochs: 30,
        }),
      ),
      withShownDefaults(
        chartSpecFromProps({
          scheduler: 'SequentialLR',
          options: {
            schedulers: [
              { scheduler: 'LinearLR', options: {} },
              { scheduler: 'MultiStepLR', options: { milestones: [3] } },
            ],
            milestones: [4],
          },
          lr: 0.1,
          epochs: 12,
        }),
      ),
    ];
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '0',
        '-1',
        'nan',
        'inf',
        '-inf',
        '1e308',
        '-1e308',
        '1e-320',
        'None',
        '',
        '3, 2',
        '2.5',
      ),
      fc.double().map(String),
      fc.integer({ min: -5, max: 50 }).map(String),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...charts),
        fc.array(fc.tuple(fc.nat(), text), { maxLength: 4 }),
        (chart, edits) => {
          const fields = editableFields(chart);
          const texts = new Map(
            edits.map(([i, value]) => [fields[i % fields.length]!.path, value]),
          );
          const applied = applyTexts(chart, texts);
          if (applied.problems.length === 0) evaluate(applied.spec);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sampling', () => {
  it('equals calling the engine directly', () => {
    const evaluation = evaluate(cawr);
    const direct = sampleSchedule(
      (optimizer) => new CosineAnnealingWarmRestarts(optimizer, { T_0: 5, T_mult: 2 }),
      { lr: 0.1, epochs: 35 },
    );
    expect(evaluation.ok).toBe(true);
    if (!evaluation.ok) return;
    expect(Array.from(evaluation.curves[0]!.lr)).toEqual(Array.from(direct.lr));
    expect(Array.from(evaluation.curves[0]!.x)).toEqual(Array.from(direct.x));
  });

  it('equals the engine with per-batch stepping and for a composite', () => {
    const perBatch = evaluate(
      withShownDefaults(chartSpecFromProps({ ...cawrProps, stepsPerEpoch: 20 })),
    );
    const direct = sampleSchedule(
      (optimizer) => new CosineAnnealingWarmRestarts(optimizer, { T_0: 5, T_mult: 2 }),
      { lr: 0.1, epochs: 35, stepsPerEpoch: 20 },
    );
    expect(perBatch.ok && Array.from(perBatch.curves[0]!.lr)).toEqual(Array.from(direct.lr));

    const warmup = evaluate(
      chartSpecFromProps({
        scheduler: 'SequentialLR',
        options: {
          schedulers: [
            { scheduler: 'LinearLR', options: { start_factor: 0.1, total_iters: 5 } },
            { scheduler: 'CosineAnnealingLR', options: { T_max: 45 } },
          ],
          milestones: [5],
        },
        lr: 0.1,
        epochs: 50,
      }),
    );
    const sequential = sampleSchedule(
      (optimizer) =>
        new SequentialLR(optimizer, {
          schedulers: [
            new LinearLR(optimizer, { start_factor: 0.1, total_iters: 5 }),
            new CosineAnnealingLR(optimizer, { T_max: 45 }),
          ],
          milestones: [5],
        }),
      { lr: 0.1, epochs: 50 },
    );
    expect(warmup.ok && Array.from(warmup.curves[0]!.lr)).toEqual(Array.from(sequential.lr));
  });

  it('marks the restarts restartEpochs gives, within the run', () => {
    expect(restartMarkers(cawr.series[0]!, 160)).toEqual(
      restartEpochs(5, 2, 10).filter((epoch) => epoch < 160),
    );
    expect(restartMarkers(cawr.series[0]!, 155)).toEqual([5, 15, 35, 75]);
    expect(
      restartMarkers({ scheduler: 'CosineAnnealingWarmRestarts', options: { T_0: 7 } }, 30),
    ).toEqual([7, 14, 21, 28]);
    expect(restartMarkers({ scheduler: 'CosineAnnealingLR', options: { T_max: 5 } }, 30)).toEqual(
      [],
    );
    const evaluation = evaluate(cawr);
    expect(evaluation.ok && evaluation.curves[0]!.restarts).toEqual([5, 15]);
  });

  it('summarizes a curve by its first, smallest, largest and last value', () => {
    const lr = [0.5, 0.1, 0.9, 0.3];
    expect(summarize(lr)).toEqual({ start: 0.5, min: 0.1, max: 0.9, end: 0.3 });
    const evaluation = evaluate(cawr);
    if (!evaluation.ok) throw new Error('expected a valid chart');
    const values = Array.from(evaluation.curves[0]!.lr);
    expect(evaluation.curves[0]!.summary).toEqual({
      start: values[0],
      min: values.reduce((a, b) => Math.min(a, b)),
      max: values.reduce((a, b) => Math.max(a, b)),
      end: values.at(-1),
    });
  });
});

describe('data table', () => {
  const curve = (n: number) => ({ lr: Float64Array.from({ length: n }, (_, i) => i) });

  it('lists every epoch of a short run', () => {
    const table = dataTable([curve(30)], 30);
    expect(table.every).toBe(1);
    expect(table.rows.map((row) => row.epoch)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('thins long runs to every k-th epoch (1, 2, 5, 10, …) and keeps the last epoch', () => {
    const table = dataTable([curve(160)], 160);
    expect(table.every).toBe(5);
    expect(table.rows.length).toBe(33);
    expect(table.rows.at(-1)).toEqual({ epoch: 159, values: [159] });
    expect(dataTable([curve(1200)], 1200).every).toBe(50);
    expect(dataTable([curve(100)], 100).every).toBe(2);
  });

  it('shows the first step of each epoch with per-batch stepping', () => {
    const table = dataTable([curve(35 * 20)], 35, 20);
    expect(table.rows[3]).toEqual({ epoch: 3, values: [60] });
  });
});

describe('classifyError', () => {
  it('keeps PyTorch’s message and names the option', () => {
    let thrown: unknown;
    try {
      restartEpochs(0, 1, 1);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValueError);
    expect(classifyError(thrown)).toEqual({
      key: 'positiveInteger',
      values: { name: 'T_0' },
      option: 'T_0',
      pytorch: 'ValueError: Expected positive integer T_0, but got 0',
    });
  });

  it('falls back to a generic key', () => {
    expect(classifyError(new ZeroDivisionError('float division by zero'))).toEqual({
      key: 'zeroDivision',
      values: {},
      pytorch: 'ZeroDivisionError: float division by zero',
    });
    expect(classifyError(new ValueError('something new'))).toEqual({
      key: 'other',
      values: {},
      pytorch: 'ValueError: something new',
    });
    expect(classifyError('odd')).toEqual({ key: 'other', values: {}, pytorch: 'Error: odd' });
  });
});
