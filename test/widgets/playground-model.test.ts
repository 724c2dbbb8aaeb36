/**
 * The playground's pure model: PyTorch's defaults, adding/duplicating/removing configurations,
 * reading typed values, the state in the page address (round trip, and hostile addresses that
 * must be ignored without throwing), the CSV export against learning rates computed here with
 * the engine's classes directly, and the chart markers.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import '../helpers/scheduler-classes.ts';
import {
  CyclicLR,
  MultiStepLR,
  OneCycleLR,
  SGD,
  StepLR,
  withoutWarnings,
  type Optimizer,
} from '../../src/scheduler/index.ts';
import {
  dataSchedulers,
  optionFields,
  sampleSeries,
} from '../../src/widgets/schedule-chart/model.ts';
import { setChildScheduler } from '../../src/widgets/playground/composite.ts';
import {
  initialSchedulers,
  loadParts,
  needsParts,
} from '../../src/widgets/playground/load-parts.ts';
import * as expressionLanguage from '../../src/widgets/playground/expression.ts';
import {
  MAX_SERIES,
  addSeries,
  applyFieldTexts,
  createEvaluator,
  curvesCsv,
  defaultState,
  duplicateSeries,
  evaluateState,
  markers,
  newSeries,
  playgroundSchedulers,
  removeSeries,
  schedulerOptions,
  seriesTitle,
  setScheduler,
  starterOptions,
  stateFromQuery,
  stateToQuery,
  toChartSpec,
  valueAt,
  type PlaygroundState,
  provideExpressions,
  queryUsesExpressions,
  expressionsProvided,
} from '../../src/widgets/playground/model.ts';

// The page loads the lr_lambda language as a chunk of its own; the model's tests have it at once.
provideExpressions(expressionLanguage);

const curvesOf = (state: PlaygroundState) => {
  const evaluation = evaluateState(state);
  if (!evaluation.ok) throw new Error(`expected a valid state: ${evaluation.problem.key}`);
  return evaluation.curves;
};

describe('defaults', () => {
  it('start from PyTorch’s SGD defaults and a cosine over the whole run', () => {
    const initial = defaultState();
    expect(initial.series).toHaveLength(1);
    expect(initial.series[0]).toMatchObject({
      scheduler: 'CosineAnnealingLR',
      lr: 1e-3,
      momentum: 0,
    });
    expect(initial.series[0]!.options).toEqual({ T_max: 100, eta_min: 0 });
    expect(evaluateState(initial).ok).toBe(true);
  });

  it.each(dataSchedulers.map((name) => [name] as const))(
    '%s: the prefilled arguments draw the curve PyTorch’s defaults draw',
    (name) => {
      const options = starterOptions(name, 30 * 4);
      expect(Object.keys(options)).toEqual(optionFields[name].map((field) => field.name));
      // Only the arguments PyTorch requires (and OneCycleLR's length) are passed the second time:
      // the engine fills in the rest with PyTorch's defaults.
      const required = Object.fromEntries(
        optionFields[name]
          .filter((field) => !('default' in field) || field.name === 'total_steps')
          .map((field) => [field.name, options[field.name]]),
      );
      const series = { scheduler: name, lr: 0.1, momentum: 0.9 };
      const full = sampleSeries({ ...series, options }, 30, 4);
      const bare = sampleSeries({ ...series, options: required }, 30, 4);
      expect(Array.from(full.lr)).toEqual(Array.from(bare.lr));
      expect(Array.from(full.momentum)).toEqual(Array.from(bare.momentum));
    },
  );
});

describe('configurations', () => {
  it('are added up to four, each a fresh default configuration', () => {
    let current = defaultState();
    for (let n = 2; n <= MAX_SERIES; n += 1) {
      current = addSeries(current);
      expect(current.series).toHaveLength(n);
      expect(current.series.at(-1)).toEqual(newSeries('CosineAnnealingLR', 100));
    }
    expect(addSeries(current)).toBe(current);
  });

  it('are duplicated right after the original, not beyond four', () => {
    const edited = setScheduler(defaultState(), 0, 'StepLR');
    const two = duplicateSeries(edited, 0);
    expect(two.series).toEqual([edited.series[0], edited.series[0]]);
    expect(two.series[1]!.options).not.toBe(two.series[0]!.options);
    const four = duplicateSeries(duplicateSeries(two, 1), 0);
    expect(four.series).toHaveLength(4);
    expect(duplicateSeries(four, 0)).toBe(four);
    expect(duplicateSeries(two, 7)).toBe(two);
  });

  it('are removed, never the last one', () => {
    const two = addSeries(setScheduler(defaultState(), 0, 'StepLR'));
    const one = removeSeries(two, 0);
    expect(one.series.map((series) => series.scheduler)).toEqual(['CosineAnnealingLR']);
    expect(removeSeries(one, 0)).toBe(one);
    expect(removeSeries(two, 5)).toBe(two);
  });

  it('change scheduler with that scheduler’s defaults, keeping the optimizer', () => {
    const edited = applyFieldTexts(
      defaultState(),
      new Map([
        ['series.0.lr', '0.5'],
        ['series.0.momentum', '0.9'],
      ]),
    ).state;
    const cyclic = setScheduler(edited, 0, 'CyclicLR');
    expect(cyclic.series[0]).toMatchObject({ scheduler: 'CyclicLR', lr: 0.5, momentum: 0.9 });
    expect(cyclic.series[0]!.options['step_size_up']).toBe(2000);
    expect(cyclic.series[0]!.options['mode']).toBe('triangular');
    expect(setScheduler(cyclic, 0, 'CyclicLR')).toBe(cyclic);
  });

  it('are labelled with their number and the arguments that differ from the defaults', () => {
    const step = applyFieldTexts(
      setScheduler(defaultState(), 0, 'StepLR'),
      new Map([['series.0.options.gamma', '0.5']]),
    ).state;
    expect(seriesTitle(step.series[0]!, 0)).toBe('1. StepLR(step_size=30, gamma=0.5)');
    const multi = setScheduler(defaultState(), 0, 'MultiStepLR');
    expect(seriesTitle(multi.series[0]!, 2)).toBe('3. MultiStepLR(milestones=[30, 80])');
  });
});

describe('typed values', () => {
  const texts = (entries: [string, string][]) => new Map(entries);

  it('update the state when they parse', () => {
    const cyclic = setScheduler(defaultState(), 0, 'CyclicLR');
    const { state: next, problems } = applyFieldTexts(
      cyclic,
      texts([
        ['epochs', '20'],
        ['stepsPerEpoch', '50'],
        ['series.0.options.step_size_down', 'None'],
        ['series.0.options.mode', "'exp_range'"],
        ['series.0.options.cycle_momentum', 'False'],
        ['series.0.options.gamma', '0.99_9'],
      ]),
    );
    expect(problems).toEqual([]);
    expect(next).toMatchObject({ epochs: 20, stepsPerEpoch: 50 });
    expect(next.series[0]!.options).toMatchObject({
      step_size_down: null,
      mode: 'exp_range',
      cycle_momentum: false,
      gamma: 0.999,
    });
  });

  it('report what does not parse, keeping the last good value', () => {
    const multi = setScheduler(defaultState(), 0, 'MultiStepLR');
    const { state: next, problems } = applyFieldTexts(
      multi,
      texts([
        ['series.0.lr', 'abc'],
        ['series.0.options.milestones', '3, x'],
        ['series.0.momentum', ''],
      ]),
    );
    expect(problems.map((problem) => [problem.path, problem.key])).toEqual([
      ['series.0.lr', 'notNumber'],
      ['series.0.momentum', 'empty'],
      ['series.0.options.milestones', 'notList'],
    ]);
    expect(next).toEqual(multi);
  });

  it('check the run length', () => {
    const problemsOf = (entries: [string, string][]) =>
      applyFieldTexts(defaultState(), texts(entries)).problems.map((p) => [p.path, p.key]);
    expect(problemsOf([['epochs', '0']])).toEqual([['epochs', 'epochs']]);
    expect(problemsOf([['stepsPerEpoch', '2.5']])).toEqual([['stepsPerEpoch', 'stepsPerEpoch']]);
    expect(
      problemsOf([
        ['epochs', '1000'],
        ['stepsPerEpoch', '1000'],
      ]),
    ).toEqual([['stepsPerEpoch', 'tooManySteps']]);
  });

  it('that the engine rejects are reported at their field', () => {
    const cawr = setScheduler(defaultState(), 0, 'CosineAnnealingWarmRestarts');
    const zero = applyFieldTexts(cawr, texts([['series.0.options.T_0', '0']])).state;
    const evaluation = evaluateState(zero);
    expect(evaluation.ok).toBe(false);
    if (evaluation.ok) return;
    expect(evaluation.problem).toMatchObject({
      key: 'positiveInteger',
      path: 'series.0.options.T_0',
      pytorch: 'ValueError: Expected positive integer T_0, but got 0',
    });
    const negative = applyFieldTexts(
      addSeries(defaultState()),
      texts([['series.1.momentum', '-0.5']]),
    ).state;
    const momentum = evaluateState(negative);
    expect(momentum.ok).toBe(false);
    if (!momentum.ok) expect(momentum.problem.path).toBe('series.1.momentum');
  });
});

/** A few states covering every kind of value: lists, choices, booleans, None, per-batch, log. */
const samples: PlaygroundState[] = [
  defaultState(),
  (() => {
    let s = addSeries(addSeries(addSeries(defaultState())));
    s = setScheduler(s, 0, 'MultiStepLR');
    s = setScheduler(s, 1, 'CyclicLR');
    s = setScheduler(s, 2, 'OneCycleLR');
    s = setScheduler(s, 3, 'ReduceLROnPlateau');
    return applyFieldTexts(
      { ...s, log: true },
      new Map([
        ['epochs', '12'],
        ['stepsPerEpoch', '25'],
        ['series.0.options.milestones', '3, 7.5, 100'],
        ['series.1.options.step_size_down', '40'],
        ['series.1.options.mode', "'triangular2'"],
        ['series.1.options.cycle_momentum', 'False'],
        ['series.1.lr', '1e-7'],
        ['series.2.options.total_steps', 'None'],
        ['series.2.options.epochs', '12'],
        ['series.2.options.steps_per_epoch', '25'],
        ['series.2.options.anneal_strategy', "'linear'"],
        ['series.2.options.three_phase', 'True'],
        ['series.2.momentum', '0.9'],
        ['series.3.options.mode', "'max'"],
        ['series.3.options.factor', '0.3333333333333333'],
      ]),
    ).state;
  })(),
  applyFieldTexts(
    setScheduler(defaultState(), 0, 'CosineAnnealingWarmRestarts'),
    new Map([
      ['series.0.options.T_mult', '3'],
      ['series.0.options.eta_min', '1e-5'],
    ]),
  ).state,
];

describe('the address', () => {
  it.each(samples.map((sample, i) => [i, sample] as const))(
    'restores state %i exactly',
    (_i, sample) => {
      expect(evaluateState(sample).ok).toBe(true);
      const query = stateToQuery(sample);
      expect(stateFromQuery(query)).toEqual(sample);
      expect(stateFromQuery(`?${query}`)).toEqual(sample);
      expect(stateFromQuery(new URLSearchParams(query))).toEqual(sample);
    },
  );

  it('is readable: names and plain values, defaults left out', () => {
    const query = stateToQuery(samples[1]!);
    const params = new URLSearchParams(query);
    expect(params.get('s1')).toBe('MultiStepLR');
    expect(params.get('s1.milestones')).toBe('3,7.5,100');
    expect(params.get('s2.mode')).toBe('triangular2');
    expect(params.get('s2.cycle_momentum')).toBe('false');
    expect(params.get('s3.total_steps')).toBe('None');
    expect(params.get('scale')).toBe('log');
    expect(params.has('s1.gamma')).toBe(false);
    expect(stateToQuery(defaultState())).toBe(
      'epochs=100&steps=1&s1=CosineAnnealingLR&s1.lr=0.001&s1.momentum=0&s1.T_max=100',
    );
  });

  it('keeps configurations in order and skips gaps', () => {
    const restored = stateFromQuery('s3=StepLR&s3.step_size=7&s1=ExponentialLR&s1.gamma=0.5');
    expect(restored.series.map((series) => series.scheduler)).toEqual(['ExponentialLR', 'StepLR']);
    expect(restored.series[1]!.options['step_size']).toBe(7);
  });

  const hostile: [string, string][] = [
    ['markup as a scheduler', 's1=<script>alert(1)</script>&s2=<img src=x onerror=alert(1)>'],
    ['markup as a value', 's1=StepLR&s1.gamma=<b>0.5</b>&s1.step_size="\'><svg onload=alert(1)>'],
    ['prototype keys', 's1=StepLR&s1.__proto__=1&s1.constructor=2&__proto__=3&s1.toString=4'],
    ['prototype key as scheduler', 's1=__proto__&s2=constructor&s3=hasOwnProperty'],
    ['schedulers without data options', 's1=LambdaLR&s2=SequentialLR&s3=ChainedScheduler'],
    ['a fifth configuration', 's5=StepLR&s6=StepLR'],
    ['huge numbers', 'epochs=1e309&steps=99999999999&s1=StepLR&s1.lr=1e400&s1.step_size=1e999'],
    ['too many steps', 'epochs=100000&steps=100000'],
    ['negative and fractional run', 'epochs=-5&steps=0.5'],
    ['nan and infinity', 's1=ExponentialLR&s1.gamma=nan&s1.lr=inf&s1.momentum=-inf'],
    ['hexadecimal and full-width digits', 's1=StepLR&s1.step_size=0x10&s1.gamma=０.５&s1.lr=١'],
    ['full-width scheduler', 's1=ＳｔｅｐＬＲ'],
    ['unicode oddities', 's1=StepLR\u0000&s1.gamma=0.5\u202e&epochs=1\u00a00'],
    ['malformed escapes', 's1=%E0%A4%A&s1.lr=%&epochs=%ZZ'],
    ['engine-invalid values', 's1=CosineAnnealingWarmRestarts&s1.T_0=0&s1.T_mult=0.5&s1.lr=-1'],
    ['lists where numbers belong', 's1=StepLR&s1.step_size=1,2,3&s1.gamma=[0.5]'],
    ['a number where a list belongs', 's1=MultiStepLR&s1.milestones=abc'],
    ['wrong choices', 's1=OneCycleLR&s1.anneal_strategy=sin&s1.three_phase=yes'],
    ['a one-cycle run that is too short', 'epochs=50&s1=OneCycleLR&s1.total_steps=10'],
    ['an overflowing rate', 's1=ExponentialLR&s1.gamma=1e300&s1.lr=1e300'],
    ['a very long value', `s1=MultiStepLR&s1.milestones=${'1,'.repeat(100_000)}1`],
    ['a very long address', `${'x=1&'.repeat(20_000)}s1=StepLR`],
    ['a scale that is not log', 'scale=<b>log</b>'],
  ];

  it.each(hostile)('ignores %s without throwing', (_what, query) => {
    const restored = stateFromQuery(query);
    expect(restored.series.length).toBeGreaterThanOrEqual(1);
    expect(restored.series.length).toBeLessThanOrEqual(MAX_SERIES);
    for (const series of restored.series) {
      expect(playgroundSchedulers).toContain(series.scheduler);
      expect(Object.keys(series.options)).toEqual(
        schedulerOptions(series.scheduler).map((field) => field.name),
      );
    }
    expect(evaluateState(restored).ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(restored.series[0]!.options)).toBe(Object.prototype);
  });

  it('keeps the valid values of a partly hostile address', () => {
    const restored = stateFromQuery(
      's1=StepLR&s1.step_size=<b>&s1.gamma=0.5&s1.lr=0.2&epochs=1e9&steps=4',
    );
    expect(restored).toMatchObject({ epochs: 100, stepsPerEpoch: 4, log: false });
    expect(restored.series[0]).toMatchObject({ scheduler: 'StepLR', lr: 0.2 });
    expect(restored.series[0]!.options).toEqual({ step_size: 30, gamma: 0.5 });
  });

  it('resets only the values the engine rejects', () => {
    const restored = stateFromQuery(
      's1=CosineAnnealingWarmRestarts&s1.T_0=0&s1.T_mult=3&s1.lr=0.2&s2=OneCycleLR&s2.pct_start=2&s2.max_lr=0.5',
    );
    expect(restored.series[0]).toMatchObject({ lr: 0.2, options: { T_0: 10, T_mult: 3 } });
    expect(restored.series[1]!.options).toMatchObject({ pct_start: 0.3, max_lr: 0.5 });
  });

  it('never throws and always draws, whatever the address', () => {
    const keys = fc.constantFrom(
      'epochs',
      'steps',
      'scale',
      's1',
      's2',
      's1.lr',
      's1.momentum',
      's1.T_max',
      's1.milestones',
      's1.mode',
      's2.gamma',
      's2.total_steps',
      '__proto__',
    );
    const values = fc.oneof(
      fc.string(),
      fc.constantFrom(...playgroundSchedulers, 'None', 'log', 'nan', '-1', '0', '1e308', '3,4'),
      fc.double().map(String),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 12 }), (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const restored = stateFromQuery(query);
        expect(evaluateState(restored).ok).toBe(true);
        // What a restored state writes, it reads back unchanged.
        expect(stateFromQuery(stateToQuery(restored))).toEqual(restored);
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSV export', () => {
  /** Learning rate and momentum of every step, straight from the engine's classes. */
  function run(
    build: (optimizer: Optimizer) => { step(): void },
    lr: number,
    momentum: number,
    steps: number,
  ): { lr: number[]; momentum: number[] } {
    const optimizer = new SGD([{ data: new Float64Array(1), grad: null }], { lr, momentum });
    const group = optimizer.paramGroups[0]!;
    const out = { lr: [] as number[], momentum: [] as number[] };
    withoutWarnings(() => {
      const scheduler = build(optimizer);
      for (let k = 0; k < steps; k += 1) {
        if (k > 0) scheduler.step();
        out.lr.push(group.lr);
        out.momentum.push(group.momentum ?? 0);
      }
    });
    return out;
  }

  it('has one row per step with every learning rate and the cycled momentum', () => {
    let s = addSeries(addSeries(setScheduler(defaultState(), 0, 'CyclicLR')));
    s = setScheduler(s, 1, 'StepLR');
    s = setScheduler(s, 2, 'OneCycleLR');
    s = applyFieldTexts(
      s,
      new Map([
        ['epochs', '6'],
        ['stepsPerEpoch', '5'],
        ['series.0.options.step_size_up', '4'],
        ['series.0.momentum', '0.9'],
        ['series.1.options.step_size', '7'],
        ['series.1.lr', '0.1'],
        ['series.2.options.max_lr', '0.2'],
        ['series.2.options.total_steps', '30'],
      ]),
    ).state;
    const csv = curvesCsv(s, curvesOf(s));
    const [header, ...rows] = csv.trimEnd().split('\n');
    expect(csv.endsWith('\n')).toBe(true);
    expect(header).toBe('epoch,lr_1,lr_2,lr_3,momentum_1,momentum_3');
    expect(rows).toHaveLength(30);
    const cyclic = run(
      (o) => new CyclicLR(o, { base_lr: 0.01, max_lr: 0.1, step_size_up: 4 }),
      0.001,
      0.9,
      30,
    );
    const step = run((o) => new StepLR(o, { step_size: 7 }), 0.1, 0, 30);
    const oneCycle = run((o) => new OneCycleLR(o, { max_lr: 0.2, total_steps: 30 }), 0.001, 0, 30);
    rows.forEach((row, k) => {
      const cells = row.split(',').map(Number);
      expect(cells).toEqual([
        Math.floor(k / 5) + (k % 5) / 5,
        cyclic.lr[k],
        step.lr[k],
        oneCycle.lr[k],
        cyclic.momentum[k],
        oneCycle.momentum[k],
      ]);
    });
  });

  it('leaves out momentum when no scheduler cycles it', () => {
    const csv = curvesCsv(defaultState(), curvesOf(defaultState()));
    expect(csv.split('\n')[0]).toBe('epoch,lr_1');
    expect(csv.split('\n')[1]).toBe('0,0.001');
  });
});

describe('markers', () => {
  it('put warm restarts where the cycles end', () => {
    const s = applyFieldTexts(
      setScheduler(defaultState(), 0, 'CosineAnnealingWarmRestarts'),
      new Map([['series.0.options.T_mult', '2']]),
    ).state;
    // Cycles of 10, 20 and 40 epochs end at 10, 30 and 70; the next would end at 150.
    const expected: number[] = [];
    for (let end = 10, length = 10; end < 100; length *= 2, end += length) expected.push(end);
    expect(markers(s, 0, curvesOf(s)[0]!)).toEqual({ restarts: expected, milestones: [] });
  });

  it('put milestones in epochs, also when stepping per batch', () => {
    const s = applyFieldTexts(
      setScheduler(defaultState(), 0, 'MultiStepLR'),
      new Map([
        ['epochs', '10'],
        ['stepsPerEpoch', '4'],
        ['series.0.options.milestones', '6, 30, 30, 40, 100'],
      ]),
    ).state;
    expect(markers(s, 0, curvesOf(s)[0]!).milestones).toEqual([1.5, 7.5]);
    const lr = run4(s);
    // The rate drops exactly at the marked steps.
    expect(lr[5]).toBe(0.001);
    expect(lr[6]).toBeCloseTo(0.0001, 15);
  });

  function run4(s: PlaygroundState): number[] {
    const optimizer = new SGD([{ data: new Float64Array(1), grad: null }], { lr: 0.001 });
    const scheduler = new MultiStepLR(optimizer, { milestones: [6, 30, 30, 40, 100] });
    const out: number[] = [];
    withoutWarnings(() => {
      for (let k = 0; k < s.epochs * s.stepsPerEpoch; k += 1) {
        if (k > 0) scheduler.step();
        out.push(optimizer.paramGroups[0]!.lr);
      }
    });
    expect(out).toEqual(Array.from(curvesOf(s)[0]!.lr));
    return out;
  }
});

describe('toChartSpec', () => {
  it('writes every argument, the optimizer and per-batch stepping only when there is some', () => {
    const spec = toChartSpec(samples[1]!);
    expect(spec.stepsPerEpoch).toBe(25);
    expect(spec.series[2]).toMatchObject({ lr: 0.001, momentum: 0.9, label: expect.any(String) });
    expect(Object.keys(spec.series[1]!.options)).toHaveLength(optionFields.CyclicLR.length);
    expect(toChartSpec(defaultState()).stepsPerEpoch).toBeUndefined();
    expect(valueAt(samples[1]!, 'series.0.options.milestones')).toEqual([3, 7.5, 100]);
    expect(valueAt(samples[1]!, 'series.9.lr')).toBeUndefined();
    expect(valueAt(samples[1]!, 'series.0.options.__proto__')).toBeUndefined();
  });
});

describe('createEvaluator', () => {
  it('gives evaluateState’s results, sampling only the configurations that changed', () => {
    const evaluateCached = createEvaluator();
    let current = addSeries(addSeries(setScheduler(defaultState(), 0, 'CyclicLR')));
    current = setScheduler(current, 2, 'CosineAnnealingWarmRestarts');
    const first = evaluateCached(current);
    expect(first).toEqual(evaluateState(current));
    const edited = applyFieldTexts(current, new Map([['series.1.lr', '0.3']])).state;
    const second = evaluateCached(edited);
    expect(second).toEqual(evaluateState(edited));
    if (!first.ok || !second.ok) throw new Error('expected valid states');
    // Unchanged configurations keep their sampled arrays; the edited one is sampled anew.
    expect(second.curves[0]!.lr).toBe(first.curves[0]!.lr);
    expect(second.curves[2]!.lr).toBe(first.curves[2]!.lr);
    expect(second.curves[1]!.lr).not.toBe(first.curves[1]!.lr);
    // A duplicate reuses the samples but gets its own label.
    const duplicated = duplicateSeries(edited, 0);
    const third = evaluateCached(duplicated);
    expect(third).toEqual(evaluateState(duplicated));
  });

  it('tells apart values that print alike, and reports problems at their field', () => {
    const evaluateCached = createEvaluator();
    const cyclic = setScheduler(defaultState(), 0, 'CyclicLR');
    const withNone = applyFieldTexts(
      cyclic,
      new Map([['series.0.options.step_size_down', 'None']]),
    ).state;
    const withNumber = applyFieldTexts(
      cyclic,
      new Map([['series.0.options.step_size_down', '50']]),
    ).state;
    expect(evaluateCached(withNone)).toEqual(evaluateState(withNone));
    expect(evaluateCached(withNumber)).toEqual(evaluateState(withNumber));
    const broken = applyFieldTexts(
      addSeries(withNumber),
      new Map([['series.1.options.T_max', '0']]),
    ).state;
    const cached = evaluateCached(broken);
    expect(cached).toEqual(evaluateState(broken));
    expect(cached.ok).toBe(false);
    const momentum = applyFieldTexts(
      addSeries(cyclic),
      new Map([['series.1.momentum', '-1']]),
    ).state;
    const problem = evaluateCached(momentum);
    expect(problem.ok ? undefined : problem.problem.path).toBe('series.1.momentum');
  });
});

describe('the lr_lambda language, loaded on demand', () => {
  it('is needed by an address exactly when it names a lambda scheduler', () => {
    expect(queryUsesExpressions('')).toBe(false);
    expect(queryUsesExpressions('?s1=CosineAnnealingLR&s1.T_max=10')).toBe(false);
    expect(queryUsesExpressions('?s1=LambdaLR')).toBe(true);
    expect(queryUsesExpressions('?s1=SequentialLR&s1.c2=MultiplicativeLR')).toBe(true);
    // Encoded as a browser may write it, and not fooled by a key of that name.
    expect(queryUsesExpressions('?s1=%4CambdaLR')).toBe(true);
    expect(queryUsesExpressions('?LambdaLR=1')).toBe(false);
  });

  it('with the child editing, is what a state waits for', () => {
    const state = defaultState();
    const sequential = setScheduler(state, 0, 'SequentialLR');
    // This file provided the expression language; the child editing is not loaded yet.
    expect(expressionsProvided()).toBe(true);
    expect(needsParts(state)).toBe(false);
    expect(needsParts(setScheduler(state, 0, 'LambdaLR'))).toBe(false);
    expect(needsParts(sequential)).toBe(true);
    expect(needsParts(setChildScheduler(sequential, 0, 1, 'LambdaLR'))).toBe(true);
  });

  it('loads what a composite needs, after which no state waits', async () => {
    const sequential = setScheduler(defaultState(), 0, 'SequentialLR');
    await loadParts();
    expect(needsParts(sequential)).toBe(false);
    expect(needsParts(setChildScheduler(sequential, 0, 1, 'LambdaLR'))).toBe(false);
  });
});

describe('the scheduler classes, loaded on demand', () => {
  it('come with the playground only for its default chart', () => {
    expect(Object.keys(initialSchedulers)).toEqual(
      defaultState().series.map((series) => series.scheduler),
    );
  });

  it('are what a fresh page waits for, before the first chart when its address names one', async () => {
    // A fresh model, as a page has it: only what the playground brings (this file provided all).
    vi.resetModules();
    const parts = await import('../../src/widgets/playground/load-parts.ts');
    const fresh = await import('../../src/widgets/playground/model.ts');
    const chart = await import('../../src/widgets/schedule-chart/model.ts');
    const state = fresh.defaultState();
    const step = fresh.setScheduler(state, 0, 'StepLR');
    expect(parts.needsParts(state)).toBe(false);
    expect(fresh.evaluateState(state).ok).toBe(true);
    expect(parts.needsParts(step)).toBe(true);
    // Sampled without its class, a chart is rejected, not thrown.
    expect(fresh.evaluateState(step)).toMatchObject({ ok: false, problem: { key: 'other' } });
    await parts.prepareForQuery('?s1=CosineAnnealingLR&s1.T_max=10');
    expect(chart.schedulerProvided('StepLR')).toBe(false);
    await parts.prepareForQuery('?s1=SequentialLR&s1.c1=StepLR');
    expect(chart.schedulerProvided('StepLR')).toBe(true);
    expect(parts.needsParts(step)).toBe(false);
    expect(fresh.evaluateState(step).ok).toBe(true);
  });
});
