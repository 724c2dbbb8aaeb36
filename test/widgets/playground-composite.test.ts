/**
 * The playground's model for the schedulers that take a function or other schedulers:
 * `LambdaLR` and `MultiplicativeLR` (an `lr_lambda` written as an expression) and `SequentialLR`
 * and `ChainedScheduler` (child schedulers). Their starting curves against closed forms derived
 * by hand, typed expressions and their errors at the right field, adding, removing and changing
 * children, the address (round trips and hostile values) and the labels and markers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../helpers/scheduler-classes.ts';
import {
  ADDED_CHILD,
  addChild,
  removeChild,
  setChildScheduler,
} from '../../src/widgets/playground/composite.ts';
import * as expressionLanguage from '../../src/widgets/playground/expression.ts';
import {
  MAX_CHILDREN,
  applyFieldTexts,
  childSchedulers,
  defaultState,
  evaluateState,
  markers,
  playgroundSchedulers,
  schedulerOptions,
  seriesFields,
  seriesTitle,
  setScheduler,
  stateFromQuery,
  stateToQuery,
  valueAt,
  withValue,
  type PlaygroundState,
  provideExpressions,
} from '../../src/widgets/playground/model.ts';

// The page loads the lr_lambda language as a chunk of its own; the model's tests have it at once.
provideExpressions(expressionLanguage);

const lrOf = (state: PlaygroundState, index = 0) => {
  const evaluation = evaluateState(state);
  if (!evaluation.ok) throw new Error(`expected a valid state: ${evaluation.problem.key}`);
  return Array.from(evaluation.curves[index]!.lr);
};

const expectClose = (actual: number[], expected: (t: number) => number) => {
  actual.forEach((value, t) => {
    expect(Math.abs(value - expected(t)), `step ${t}`).toBeLessThanOrEqual(1e-12 * expected(t));
  });
};

const edit = (state: PlaygroundState, entries: Record<string, string>) =>
  applyFieldTexts(state, new Map(Object.entries(entries)));

const lr = 1e-3;

describe('starting values', () => {
  it('offer every scheduler the engine exports', () => {
    expect([...playgroundSchedulers].sort()).toEqual(
      [
        'ChainedScheduler',
        'ConstantLR',
        'CosineAnnealingLR',
        'CosineAnnealingWarmRestarts',
        'CyclicLR',
        'ExponentialLR',
        'LambdaLR',
        'LinearLR',
        'MultiStepLR',
        'MultiplicativeLR',
        'OneCycleLR',
        'PolynomialLR',
        'ReduceLROnPlateau',
        'SequentialLR',
        'StepLR',
      ].sort(),
    );
    expect(childSchedulers).not.toContain('SequentialLR');
    expect(childSchedulers).not.toContain('ReduceLROnPlateau');
    expect(childSchedulers).toContain('LambdaLR');
  });

  it('LambdaLR: 0.95 ** epoch, as in PyTorch’s example', () => {
    const state = setScheduler(defaultState(), 0, 'LambdaLR');
    expect(state.series[0]!.options).toEqual({ lr_lambda: '0.95 ** epoch' });
    expectClose(lrOf(state), (t) => lr * 0.95 ** t);
  });

  it('MultiplicativeLR: 0.95 at every step, as in PyTorch’s example', () => {
    const state = setScheduler(defaultState(), 0, 'MultiplicativeLR');
    expect(state.series[0]!.options).toEqual({ lr_lambda: '0.95' });
    expectClose(lrOf(state), (t) => lr * 0.95 ** t);
  });

  it('SequentialLR: a linear warm-up over 5 steps from a tenth, then a cosine over the rest', () => {
    const state = setScheduler(defaultState(), 0, 'SequentialLR');
    expect(state.series[0]!.options).toEqual({ milestones: [5] });
    expect(state.series[0]!.children).toEqual([
      { scheduler: 'LinearLR', options: { start_factor: 0.1, end_factor: 1, total_iters: 5 } },
      { scheduler: 'CosineAnnealingLR', options: { T_max: 95, eta_min: 0 } },
    ]);
    expectClose(lrOf(state), (t) =>
      t < 5 ? lr * (0.1 + (0.9 * t) / 5) : (lr / 2) * (1 + Math.cos((Math.PI * (t - 5)) / 95)),
    );
  });

  it('ChainedScheduler: the warm-up times an exponential decay', () => {
    const state = setScheduler(defaultState(), 0, 'ChainedScheduler');
    expect(state.series[0]!.options).toEqual({});
    expect(state.series[0]!.children!.map((child) => child.scheduler)).toEqual([
      'LinearLR',
      'ExponentialLR',
    ]);
    expectClose(lrOf(state), (t) => lr * (0.1 + (0.9 * Math.min(t, 5)) / 5) * 0.95 ** t);
  });

  it('have fields with paths into the children', () => {
    const state = setScheduler(defaultState(), 0, 'SequentialLR');
    expect(seriesFields(state.series[0]!, 0).map((field) => [field.path, field.child])).toEqual([
      ['series.0.lr', undefined],
      ['series.0.momentum', undefined],
      ['series.0.options.milestones', undefined],
      ['series.0.options.schedulers.0.options.start_factor', 0],
      ['series.0.options.schedulers.0.options.end_factor', 0],
      ['series.0.options.schedulers.0.options.total_iters', 0],
      ['series.0.options.schedulers.1.options.T_max', 1],
      ['series.0.options.schedulers.1.options.eta_min', 1],
    ]);
    expect(valueAt(state, 'series.0.options.schedulers.1.options.T_max')).toBe(95);
    expect(valueAt(state, 'series.0.options.schedulers.2.options.T_max')).toBeUndefined();
    const changed = withValue(state, 'series.0.options.schedulers.1.options.T_max', 40);
    expect(changed.series[0]!.children![1]!.options['T_max']).toBe(40);
    expect(state.series[0]!.children![1]!.options['T_max']).toBe(95);
  });
});

describe('expressions typed into lr_lambda', () => {
  const lambda = setScheduler(defaultState(), 0, 'LambdaLR');
  const path = 'series.0.options.lr_lambda';

  it('are kept as typed and drawn', () => {
    const applied = edit(lambda, { [path]: '  min(1, (epoch + 1) / 5)  ' });
    expect(applied.problems).toEqual([]);
    expect(applied.state.series[0]!.options['lr_lambda']).toBe('min(1, (epoch + 1) / 5)');
    expectClose(lrOf(applied.state), (t) => lr * Math.min(1, (t + 1) / 5));
  });

  it('that do not parse are reported with their place, keeping the last good state', () => {
    expect(edit(lambda, { [path]: 'epoch +' })).toEqual({
      state: lambda,
      problems: [{ key: 'exprEnd', values: { column: 7 }, path }],
    });
    expect(edit(lambda, { [path]: 'x' }).problems).toEqual([
      { key: 'exprName', values: { text: 'x', column: 1 }, path },
    ]);
  });

  it('that Python cannot evaluate are reported with the epoch and Python’s message', () => {
    const applied = edit(lambda, { [path]: 'math.log(epoch - 4)' });
    expect(applied.problems).toEqual([]);
    expect(evaluateState(applied.state)).toEqual({
      ok: false,
      problem: {
        key: 'exprDomain',
        values: { epoch: 0 },
        path,
        pytorch: 'ValueError: math domain error',
      },
    });
    // In a composite, the child's field; MultiplicativeLR first calls it at epoch 1.
    let composite = setScheduler(defaultState(), 0, 'ChainedScheduler');
    composite = setChildScheduler(composite, 0, 1, 'MultiplicativeLR');
    const child = 'series.0.options.schedulers.1.options.lr_lambda';
    const failing = edit(composite, { [child]: '1 / (epoch - 1)' }).state;
    expect(evaluateState(failing)).toEqual({
      ok: false,
      problem: {
        key: 'exprZeroDivision',
        values: { epoch: 1 },
        path: child,
        pytorch: 'ZeroDivisionError: division by zero',
      },
    });
    // A negative base to a fractional power: Python gives a complex number, not an exception.
    expect(evaluateState(edit(lambda, { [path]: '(epoch - 2) ** 0.5' }).state)).toEqual({
      ok: false,
      problem: { key: 'exprComplex', values: { epoch: 0 }, path },
    });
  });
});

describe('children', () => {
  const sequential = setScheduler(defaultState(), 0, 'SequentialLR');

  it('are added up to three, SequentialLR switching halfway to the end of the run', () => {
    const three = addChild(sequential, 0);
    expect(three.series[0]!.children).toHaveLength(3);
    expect(three.series[0]!.children![2]!.scheduler).toBe(ADDED_CHILD);
    expect(three.series[0]!.options['milestones']).toEqual([5, 53]);
    expect(addChild(three, 0)).toBe(three);
    expect(MAX_CHILDREN).toBe(3);
    expect(addChild(defaultState(), 0)).toEqual(defaultState());
    expect(evaluateState(three).ok).toBe(true);
  });

  it('are removed with the milestone that switched to them, never below two', () => {
    const three = withValue(addChild(sequential, 0), 'series.0.options.milestones', [5, 60]);
    expect(removeChild(three, 0, 2).series[0]!.options['milestones']).toEqual([5]);
    expect(removeChild(three, 0, 1).series[0]!.options['milestones']).toEqual([60]);
    expect(removeChild(three, 0, 0).series[0]!.options['milestones']).toEqual([60]);
    expect(removeChild(three, 0, 1).series[0]!.children!.map((child) => child.scheduler)).toEqual([
      'LinearLR',
      ADDED_CHILD,
    ]);
    expect(removeChild(sequential, 0, 0)).toBe(sequential);
    expect(removeChild(three, 0, 5)).toBe(three);
  });

  it('change scheduler with that scheduler’s defaults', () => {
    const changed = setChildScheduler(sequential, 0, 1, 'StepLR');
    expect(changed.series[0]!.children![1]).toEqual({
      scheduler: 'StepLR',
      options: { step_size: 30, gamma: 0.1 },
    });
    expect(changed.series[0]!.children![0]).toBe(sequential.series[0]!.children![0]);
    expect(setChildScheduler(sequential, 0, 1, 'CosineAnnealingLR')).toBe(sequential);
    expect(setChildScheduler(sequential, 0, 7, 'StepLR')).toBe(sequential);
  });

  it('are in the label, and SequentialLR’s milestones are marked', () => {
    const lambda = edit(setScheduler(defaultState(), 0, 'LambdaLR'), {
      'series.0.options.lr_lambda': 'min(1, epoch / 5)',
    }).state;
    expect(seriesTitle(lambda.series[0]!, 0)).toBe(
      '1. LambdaLR(lr_lambda=lambda epoch: min(1, epoch / 5))',
    );
    expect(seriesTitle(sequential.series[0]!, 1)).toBe(
      '2. SequentialLR([LinearLR(start_factor=0.1), CosineAnnealingLR(T_max=95)], milestones=[5])',
    );
    expect(markers(sequential, 0, { restarts: [] })).toEqual({ restarts: [], milestones: [5] });
  });
});

describe('the address', () => {
  it('carries expressions and children, and reads them back', () => {
    let state = setScheduler(defaultState(), 0, 'SequentialLR');
    state = setChildScheduler(addChild(state, 0), 0, 2, 'LambdaLR');
    state = edit(state, {
      'series.0.options.schedulers.2.options.lr_lambda': 'math.cos(math.pi * epoch / 100) ** 2',
      'series.0.options.schedulers.0.options.end_factor': '0.5',
    }).state;
    const query = stateToQuery(state);
    const params = new URLSearchParams(query);
    expect(params.get('s1')).toBe('SequentialLR');
    expect(params.get('s1.c3')).toBe('LambdaLR');
    expect(params.get('s1.c3.lr_lambda')).toBe('math.cos(math.pi * epoch / 100) ** 2');
    expect(params.get('s1.c1.end_factor')).toBe('0.5');
    expect(params.get('s1.milestones')).toBe('5,53');
    // Defaults are left out.
    expect(params.has('s1.c2.eta_min')).toBe(false);
    expect(stateFromQuery(query)).toEqual(state);
  });

  it.each([
    ['an expression that does not parse', 's1=LambdaLR&s1.lr_lambda=__import__("os")'],
    ['an over-long expression', `s1=LambdaLR&s1.lr_lambda=${'1+'.repeat(150)}1`],
    ['markup as an expression', 's1=LambdaLR&s1.lr_lambda=<img src=x onerror=alert(1)>'],
    ['an expression that raises', 's1=LambdaLR&s1.lr_lambda=1/(epoch-3)'],
    ['an expression for a data scheduler', 's1=StepLR&s1.lr_lambda=2'],
    ['a composite child', 's1=SequentialLR&s1.c1=ChainedScheduler&s1.c2=StepLR'],
    ['children from c2', 's1=ChainedScheduler&s1.c2=StepLR&s1.c3=StepLR'],
    ['one child', 's1=SequentialLR&s1.c1=StepLR'],
    ['a fourth child', 's1=ChainedScheduler&s1.c1=StepLR&s1.c2=StepLR&s1.c3=StepLR&s1.c4=StepLR'],
    ['milestones that do not fit', 's1=SequentialLR&s1.milestones=1,2,3'],
    ['prototype keys', 's1=SequentialLR&s1.c1.__proto__=1&s1.c1=constructor&s1.c2.lr_lambda=1'],
  ])('ignores %s without throwing', (_what, query) => {
    const restored = stateFromQuery(query);
    expect(evaluateState(restored).ok).toBe(true);
    for (const series of restored.series) {
      expect(Object.keys(series.options)).toEqual(
        schedulerOptions(series.scheduler).map((field) => field.name),
      );
      for (const child of series.children ?? []) {
        expect(childSchedulers).toContain(child.scheduler);
      }
      expect(series.children?.length ?? 2).toBeGreaterThanOrEqual(2);
      expect(series.children?.length ?? 2).toBeLessThanOrEqual(3);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(stateFromQuery(stateToQuery(restored))).toEqual(restored);
  });

  it('resets only the values the engine or Python rejects', () => {
    const restored = stateFromQuery(
      's1=SequentialLR&s1.c1=MultiplicativeLR&s1.c1.lr_lambda=1/(epoch-2)&s1.c2=CosineAnnealingWarmRestarts&s1.c2.T_0=0&s1.c2.T_mult=2&s1.milestones=4&s1.lr=0.2',
    );
    expect(restored.series[0]).toEqual({
      scheduler: 'SequentialLR',
      lr: 0.2,
      momentum: 0,
      options: { milestones: [4] },
      children: [
        { scheduler: 'MultiplicativeLR', options: { lr_lambda: '0.95' } },
        {
          scheduler: 'CosineAnnealingWarmRestarts',
          options: { T_0: 10, T_mult: 2, eta_min: 0 },
        },
      ],
    });
  });

  it('never throws and always draws, whatever the address', () => {
    const keys = fc.constantFrom(
      's1',
      's1.lr_lambda',
      's1.milestones',
      's1.c1',
      's1.c2',
      's1.c3',
      's1.c1.lr_lambda',
      's1.c2.T_max',
      's1.c2.gamma',
    );
    const values = fc.oneof(
      fc.string(),
      fc.constantFrom(...playgroundSchedulers),
      fc.constantFrom('epoch', '1/epoch', 'math.log(epoch)', '(-1) ** 0.5', '10 ** epoch', '5'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 10 }), (pairs) => {
        const restored = stateFromQuery(new URLSearchParams(pairs));
        expect(evaluateState(restored).ok).toBe(true);
        expect(stateFromQuery(stateToQuery(restored))).toEqual(restored);
      }),
      { numRuns: 200 },
    );
  });
});
