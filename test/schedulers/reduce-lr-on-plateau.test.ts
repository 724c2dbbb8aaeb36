import { describe, expect, it } from 'vitest';
import {
  Adam,
  EPOCH_DEPRECATION_WARNING,
  LRScheduler,
  ReduceLROnPlateau,
  RuntimeError,
  SGD,
  ValueError,
  setWarningHandler,
} from '../../src/scheduler/index.ts';
import { describeClassFixtures } from '../helpers/fixture-compare.ts';
import { scalarParams as params } from '../helpers/optimizers.ts';

const CLASS = 'ReduceLROnPlateau';

describeClassFixtures({
  className: CLASS,
  minCases: 10,
  minErrorCases: 6,
  onlyIn113: ['verbose'],
  // 1.13 sets `_last_lr` only on the first step; newest at construction.
  onlyInNewest: (_ours, after) =>
    after === 0 ? ['default_min_lr', '_last_lr'] : ['default_min_lr'],
});

describe(`${CLASS}, newest PyTorch behaviour`, () => {
  it('leaves the optimizer untouched at construction and has getLastLr() at once', () => {
    const optimizer = new SGD([{ params: params() }, { params: params(), lr: 0.01 }], { lr: 0.1 });
    const before = JSON.stringify(optimizer.stateDict());
    const scheduler = new ReduceLROnPlateau(optimizer);
    expect(JSON.stringify(optimizer.stateDict())).toBe(before);
    expect('initial_lr' in (optimizer.paramGroups[0] as object)).toBe(false);
    expect(scheduler.getLastLr()).toEqual([0.1, 0.01]);
    expect(scheduler.lastEpoch).toBe(0);
    expect(scheduler.best).toBe(Infinity);
    // PyTorch's class subclasses LRScheduler without running its constructor; ours implements
    // the Scheduler interface instead (see the class documentation).
    expect(scheduler instanceof LRScheduler).toBe(false);
  });

  it('re-broadcasts a scalar min_lr to param groups added later', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.1 });
    const scheduler = new ReduceLROnPlateau(optimizer, { patience: 0, min_lr: 0.05 });
    optimizer.addParamGroup({ params: params(), lr: 0.06 });
    scheduler.step(1);
    scheduler.step(1);
    expect(scheduler.minLrs).toEqual([0.05, 0.05]);
    expect(optimizer.paramGroups.map((g) => g.lr)).toEqual([0.05, 0.05]);
    expect(scheduler.getLastLr()).toEqual([0.05, 0.05]);
  });

  it('throws RuntimeError at a reduction when groups were added and min_lr was a list', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.1 });
    const scheduler = new ReduceLROnPlateau(optimizer, { patience: 0, min_lr: [0.05] });
    optimizer.addParamGroup({ params: params(), lr: 0.06 });
    scheduler.step(1);
    let thrown: unknown;
    try {
      scheduler.step(1);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RuntimeError);
    expect((thrown as Error).message).toBe(
      'The number of param groups in the `optimizer` (2) differs from when `ReduceLROnPlateau` was initialized (1), usually due to a new param group being added to the optimizer. Please modify the `min_lrs` field to match the length of the `optimizer` param groups.',
    );
  });

  it('has newest state-dict keys, in order, and keeps ±Infinity through JSON', () => {
    const optimizer = new Adam([{ params: params() }], { lr: 0.001 });
    const scheduler = new ReduceLROnPlateau(optimizer, { mode: 'max', min_lr: [0.0001] });
    const state = scheduler.stateDict();
    expect(Object.keys(state)).toEqual([
      'factor',
      'default_min_lr',
      'min_lrs',
      'patience',
      'cooldown',
      'eps',
      'last_epoch',
      '_last_lr',
      'mode_worse',
      'mode',
      'threshold',
      'threshold_mode',
      'best',
      'cooldown_counter',
      'num_bad_epochs',
    ]);
    expect(state['default_min_lr']).toBeNull();
    const json = JSON.parse(JSON.stringify(state));
    expect(json['best']).toBe('-inf');
    expect(json['mode_worse']).toBe('-inf');
    const fresh = new ReduceLROnPlateau(new Adam([{ params: params() }], { lr: 0.001 }));
    fresh.loadStateDict(json);
    expect(fresh.best).toBe(-Infinity);
    expect(fresh.modeWorse).toBe(-Infinity);
    expect(fresh.mode).toBe('max');
    expect(fresh.stateDict()).toEqual(state);
    const legacy = new ReduceLROnPlateau(new Adam([{ params: params() }], { lr: 0.001 }));
    legacy.loadStateDict({ ...json, best: null });
    expect(legacy.best).toBe(-Infinity);
  });

  it('re-checks the mode settings on load', () => {
    const scheduler = new ReduceLROnPlateau(new SGD([{ params: params() }], { lr: 0.1 }));
    expect(() => scheduler.loadStateDict({ mode: 'lowest' })).toThrow(ValueError);
    expect(() => scheduler.loadStateDict({ mode: 'lowest' })).toThrow('mode lowest is unknown!');
  });

  it('warns for an explicit epoch and sets lastEpoch to it', () => {
    const messages: string[] = [];
    const previous = setWarningHandler((m) => messages.push(m));
    try {
      const scheduler = new ReduceLROnPlateau(new SGD([{ params: params() }], { lr: 0.1 }));
      scheduler.step(1);
      expect(messages).toEqual([]);
      scheduler.step(1, 7.5);
      expect(messages).toEqual([EPOCH_DEPRECATION_WARNING]);
      expect(scheduler.lastEpoch).toBe(7.5);
      scheduler.step(1);
      expect(scheduler.lastEpoch).toBe(8.5);
    } finally {
      setWarningHandler(previous);
    }
  });

  it('compares metrics with the threshold in each mode', () => {
    const make = (mode: 'min' | 'max', threshold_mode: 'rel' | 'abs') =>
      new ReduceLROnPlateau(new SGD([{ params: params() }], { lr: 0.1 }), {
        mode,
        threshold_mode,
        threshold: 0.5,
      });
    expect(make('min', 'rel').isBetter(0.49, 1)).toBe(true);
    expect(make('min', 'rel').isBetter(0.5, 1)).toBe(false);
    expect(make('min', 'abs').isBetter(0.49, 1)).toBe(true);
    expect(make('min', 'abs').isBetter(0.5, 1)).toBe(false);
    expect(make('max', 'rel').isBetter(1.51, 1)).toBe(true);
    expect(make('max', 'rel').isBetter(1.5, 1)).toBe(false);
    expect(make('max', 'abs').isBetter(1.51, 1)).toBe(true);
    expect(make('max', 'abs').isBetter(1.5, 1)).toBe(false);
    // In 'rel' mode a negative best makes a slightly worse metric count as better (#47513).
    expect(make('min', 'rel').isBetter(-0.6, -1)).toBe(true);
  });

  it('skips a reduction of at most eps and keeps the cooldown armed', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 1 });
    const scheduler = new ReduceLROnPlateau(optimizer, {
      patience: 0,
      cooldown: 1,
      min_lr: 0.5,
    });
    const lrs: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      scheduler.step(1);
      lrs.push(optimizer.paramGroups[0]?.lr as number);
    }
    expect(lrs).toEqual([1, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(scheduler.cooldownCounter).toBe(1);
  });
});
