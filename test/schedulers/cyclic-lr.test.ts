import { describe, expect, it } from 'vitest';
import {
  Adam,
  AdamW,
  CyclicLR,
  SGD,
  StepLR,
  ValueError,
  setWarningHandler,
  type ParamGroupInput,
} from '../../src/scheduler/index.ts';
import type { ScaleFunctionObject } from '../../src/scheduler/schedulers/cyclic-lr.ts';
import { describeClassFixtures, isClose as close } from '../helpers/fixture-compare.ts';
import { MomentumlessOptimizer, scalarParams as params } from '../helpers/optimizers.ts';

const CLASS = 'CyclicLR';

describeClassFixtures({
  className: CLASS,
  minCases: 10,
  minErrorCases: 2,
  onlyIn113: ['_scale_fn_ref', 'verbose'],
  onlyInNewest: (ours) =>
    ours['cycle_momentum'] === true ? ['use_beta1', '_is_initial'] : ['_is_initial'],
});

/** The triangle wave computed independently, with exact integer positions. */
function height(step: number, up: number, down: number): number {
  const pos = step % (up + down);
  return pos <= up ? pos / up : (up + down - pos) / down;
}

describe(`${CLASS}, newest PyTorch behaviour`, () => {
  it.each([
    ['Adam', Adam],
    ['AdamW', AdamW],
  ] as const)('cycles betas[0] of %s (use_beta1) and keeps betas[1]', (_name, Ctor) => {
    const optimizer = new Ctor([{ params: params() }], { lr: 0.001, betas: [0.9, 0.99] });
    const scheduler = new CyclicLR(optimizer, {
      base_lr: 0.01,
      max_lr: 0.1,
      step_size_up: 3,
      step_size_down: 5,
      base_momentum: 0.85,
      max_momentum: 0.95,
    });
    const group = optimizer.paramGroups[0] as ParamGroupInput;
    expect(group['max_momentum']).toBe(0.95);
    expect(group['base_momentum']).toBe(0.85);
    expect(scheduler.useBeta1).toBe(true);
    for (let e = 0; e <= 24; e += 1) {
      if (e > 0) scheduler.step();
      const h = height(e, 3, 5);
      const betas = group['betas'] as number[];
      expect(close(betas[0] as number, 0.95 - (0.95 - 0.85) * h)).toBe(true);
      expect(betas[1]).toBe(0.99);
      expect(close(optimizer.paramGroups[0]?.lr as number, 0.01 + (0.1 - 0.01) * h)).toBe(true);
      expect('momentum' in group).toBe(false);
    }
    expect(scheduler.stateDict()['use_beta1']).toBe(true);
  });

  it('rejects an optimizer with neither momentum nor betas, unless cycle_momentum is false', () => {
    const call = () =>
      new CyclicLR(new MomentumlessOptimizer([{ params: params() }]), { base_lr: 0.1, max_lr: 1 });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(
      'optimizer must support momentum or beta1 with `cycle_momentum` option enabled',
    );
    const ok = new CyclicLR(new MomentumlessOptimizer([{ params: params() }]), {
      base_lr: 0.1,
      max_lr: 1,
      cycle_momentum: false,
    });
    expect(ok.getLastLr()).toEqual([0.1]);
  });

  it('starts momentum at max_momentum and records both bounds in the groups', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.5 });
    new CyclicLR(optimizer, { base_lr: 0.1, max_lr: 1, base_momentum: 0.7, max_momentum: 0.8 });
    const group = optimizer.paramGroups[0] as ParamGroupInput;
    expect(group['momentum']).toBe(0.8);
    expect(group['max_momentum']).toBe(0.8);
    expect(group['base_momentum']).toBe(0.7);
  });

  it('reports a wrong list length with the newest message', () => {
    const optimizer = new SGD([{ params: params() }, { params: params() }], {
      lr: 0.1,
      momentum: 0.9,
    });
    expect(() => new CyclicLR(optimizer, { base_lr: [0.1, 0.2, 0.3], max_lr: 1 })).toThrow(
      'base_lr must have the same length as optimizer.param_groups. base_lr has 3 values, param_groups has 2.',
    );
    expect(() => new CyclicLR(optimizer, { base_lr: 0.1, max_lr: 1, max_momentum: [0.9] })).toThrow(
      'max_momentum must have the same length as optimizer.param_groups. max_momentum has 1 values, param_groups has 2.',
    );
  });

  it('writes the stale initial_lr at construction when an earlier scheduler set it', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 1, momentum: 0.9 });
    new StepLR(optimizer, { step_size: 2 });
    const scheduler = new CyclicLR(optimizer, { base_lr: 0.1, max_lr: 0.5, step_size_up: 2 });
    expect(optimizer.paramGroups[0]?.lr).toBe(1);
    expect(scheduler.baseLrs).toEqual([0.1]);
    scheduler.step();
    expect(close(optimizer.paramGroups[0]?.lr as number, 0.1 + (0.5 - 0.1) / 2)).toBe(true);
  });

  it('resumes by construction with last_epoch = k at step k + 1, using its own momentum bounds', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.3, momentum: 0.5 });
    optimizer.paramGroups[0]!.initial_lr = 0.3;
    const scheduler = new CyclicLR(optimizer, {
      base_lr: 0.1,
      max_lr: 1,
      step_size_up: 4,
      last_epoch: 5,
    });
    expect(scheduler.lastEpoch).toBe(6);
    const h = height(6, 4, 4);
    expect(close(optimizer.paramGroups[0]?.lr as number, 0.3 + (1 - 0.3) * h)).toBe(true);
    expect(close(optimizer.paramGroups[0]?.momentum as number, 0.9 - (0.9 - 0.8) * h)).toBe(true);
    scheduler.step();
    expect(close(optimizer.paramGroups[0]?.lr as number, 0.1 + 0.9 * height(7, 4, 4))).toBe(true);
  });

  it('has newest state-dict keys, in order, and survives JSON', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 });
    const scheduler = new CyclicLR(optimizer, { base_lr: 0.1, max_lr: 1, step_size_up: 3 });
    const state = scheduler.stateDict();
    expect(Object.keys(state)).toEqual([
      'max_lrs',
      'total_size',
      'step_ratio',
      'mode',
      'gamma',
      'scale_mode',
      'cycle_momentum',
      'use_beta1',
      'base_momentums',
      'max_momentums',
      'base_lrs',
      'last_epoch',
      '_step_count',
      '_is_initial',
      '_get_lr_called_within_step',
      '_last_lr',
      '_scale_fn_custom',
    ]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    const noMomentum = new CyclicLR(new SGD([{ params: params() }], { lr: 0.1 }), {
      base_lr: 0.1,
      max_lr: 1,
      cycle_momentum: false,
    }).stateDict();
    for (const key of ['use_beta1', 'base_momentums', 'max_momentums']) {
      expect(key in noMomentum).toBe(false);
    }
  });

  it('saves a callable object scale_fn as its properties and merges them back on load', () => {
    const make = (base: number): ScaleFunctionObject => ({
      base,
      scale(x: number) {
        return (this.base as number) ** (x - 1);
      },
    });
    const options = { base_lr: 0, max_lr: 1, step_size_up: 2, scale_mode: 'cycle' as const };
    const source = new CyclicLR(new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 }), {
      ...options,
      scale_fn: make(0.25),
    });
    for (let i = 0; i < 5; i += 1) source.step();
    const state = JSON.parse(JSON.stringify(source.stateDict()));
    expect(state['_scale_fn_custom']).toEqual({ base: 0.25 });
    const targetFn = make(0.5);
    const target = new CyclicLR(new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 }), {
      ...options,
      scale_fn: targetFn,
    });
    target.loadStateDict(state);
    expect(targetFn['base']).toBe(0.25);
    target.step();
    // Step 6 is the peak of cycle 2: amplitude 0.25 ** (2 − 1).
    expect(target.getLastLr()).toEqual([0.25]);
    const plain = new CyclicLR(new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 }), {
      ...options,
      scale_fn: (x: number) => 1 / x,
    });
    expect(plain.stateDict()['_scale_fn_custom']).toBeNull();
  });

  it('rebuilds the built-in scaling on load, so a loaded gamma takes effect', () => {
    const build = (gamma: number) =>
      new CyclicLR(new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 }), {
        base_lr: 0.1,
        max_lr: 1,
        step_size_up: 2,
        mode: 'exp_range',
        gamma,
      });
    const source = build(0.5);
    const target = build(0.9);
    target.loadStateDict(JSON.parse(JSON.stringify(source.stateDict())));
    target.step();
    expect(target.gamma).toBe(0.5);
    expect(close(target.getLastLr()[0] as number, 0.1 + 0.9 * 0.5 * 0.5)).toBe(true);
  });

  it('warns from getLr() outside step() and still writes the momentum', () => {
    const messages: string[] = [];
    const previous = setWarningHandler((m) => messages.push(m));
    try {
      const optimizer = new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 });
      const scheduler = new CyclicLR(optimizer, { base_lr: 0.1, max_lr: 1, step_size_up: 2 });
      scheduler.lastEpoch = 2;
      expect(scheduler.getLr()).toEqual([1]);
      expect(optimizer.paramGroups[0]?.momentum).toBe(0.8);
      expect(messages).toContain(
        'To get the last learning rate computed by the scheduler, please use `get_last_lr()`.',
      );
    } finally {
      setWarningHandler(previous);
    }
  });
});
