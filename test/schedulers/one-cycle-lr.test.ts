import { describe, expect, it } from 'vitest';
import {
  AdamW,
  KeyError,
  OneCycleLR,
  SGD,
  StepLR,
  ValueError,
  type ParamGroupInput,
} from '../../src/scheduler/index.ts';
import { describeClassFixtures, isClose as close } from '../helpers/fixture-compare.ts';
import { MomentumlessOptimizer, scalarParams as params } from '../helpers/optimizers.ts';

const CLASS = 'OneCycleLR';

describeClassFixtures({
  className: CLASS,
  minCases: 10,
  minErrorCases: 14,
  onlyIn113: ['anneal_func', 'verbose'],
  onlyInNewest: () => ['_anneal_func_type', '_is_initial'],
  // 1.13 stores the bound method `anneal_func`; newest stores its name.
  checkState: (ours, c, scheduler) =>
    expect(ours['_anneal_func_type']).toBe(
      (c.schedulers[scheduler]?.options?.['anneal_strategy'] as string | undefined) ?? 'cos',
    ),
});

/** Cosine interpolation written independently: `a` at p = 0, `b` at p = 1. */
function cosine(a: number, b: number, p: number): number {
  return b + ((a - b) * (1 + Math.cos(Math.PI * p))) / 2;
}

describe(`${CLASS}, newest PyTorch behaviour`, () => {
  it('names the step itself when stepping past total_steps', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 });
    const scheduler = new OneCycleLR(optimizer, { max_lr: 1, total_steps: 10 });
    for (let i = 0; i < 10; i += 1) scheduler.step();
    expect(scheduler.lastEpoch).toBe(10);
    let thrown: unknown;
    try {
      scheduler.step();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValueError);
    // PyTorch ≥ 2.x prints the step count s; 1.13 printed s + 1 ("Tried to step 12 times").
    expect((thrown as Error).message).toBe(
      'Tried to step 11 times. The specified number of total steps is 10',
    );
  });

  it('rejects a bad anneal_strategy and epochs without steps_per_epoch with the newest messages', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 });
    expect(
      () =>
        new OneCycleLR(optimizer, { max_lr: 1, total_steps: 10, anneal_strategy: 'step' as never }),
    ).toThrow("anneal_strategy must be one of 'cos' or 'linear', instead got step");
    expect(() => new OneCycleLR(optimizer, { max_lr: 1, epochs: 3 })).toThrow(
      'You must define either total_steps OR (epochs AND steps_per_epoch)',
    );
  });

  it('cycles betas[0] of AdamW between the landmarks in the groups', () => {
    const optimizer = new AdamW([{ params: params() }], { lr: 0.001, betas: [0.9, 0.98] });
    const scheduler = new OneCycleLR(optimizer, {
      max_lr: 0.01,
      total_steps: 10,
      base_momentum: 0.8,
      max_momentum: 0.9,
    });
    const group = optimizer.paramGroups[0] as ParamGroupInput;
    expect(group['max_momentum']).toBe(0.9);
    expect(group['base_momentum']).toBe(0.8);
    for (let s = 0; s <= 9; s += 1) {
      if (s > 0) scheduler.step();
      const betas = group['betas'] as number[];
      const expected = s <= 2 ? cosine(0.9, 0.8, s / 2) : cosine(0.8, 0.9, (s - 2) / 7);
      expect(close(betas[0] as number, expected)).toBe(true);
      expect(betas[1]).toBe(0.98);
    }
  });

  it('rejects an optimizer with neither momentum nor betas, unless cycle_momentum is false', () => {
    expect(
      () =>
        new OneCycleLR(new MomentumlessOptimizer([{ params: params() }]), {
          max_lr: 1,
          total_steps: 5,
        }),
    ).toThrow('optimizer must support momentum or beta1 with `cycle_momentum` option enabled');
    const ok = new OneCycleLR(new MomentumlessOptimizer([{ params: params() }]), {
      max_lr: 1,
      total_steps: 5,
      cycle_momentum: false,
    });
    expect('use_beta1' in ok.stateDict()).toBe(false);
  });

  it('overwrites an initial_lr set by an earlier scheduler', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 1, momentum: 0.9 });
    new StepLR(optimizer, { step_size: 2 });
    const scheduler = new OneCycleLR(optimizer, { max_lr: 0.5, total_steps: 10 });
    const group = optimizer.paramGroups[0] as ParamGroupInput;
    expect(group['initial_lr']).toBe(0.5 / 25);
    expect(group['min_lr']).toBe(0.5 / 25 / 1e4);
    expect(scheduler.baseLrs).toEqual([0.5 / 25]);
    expect(close(optimizer.paramGroups[0]?.lr as number, 0.5 / 25)).toBe(true);
  });

  it('resumes by construction with last_epoch from a loaded optimizer state', () => {
    const reference = new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 });
    const original = new OneCycleLR(reference, { max_lr: 0.3, total_steps: 12, three_phase: true });
    for (let i = 0; i < 4; i += 1) original.step();
    const saved = JSON.parse(JSON.stringify(reference.stateDict()));
    original.step();
    const optimizer = new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 });
    optimizer.loadStateDict(saved);
    const resumed = new OneCycleLR(optimizer, {
      max_lr: 0.3,
      total_steps: 12,
      three_phase: true,
      last_epoch: 4,
    });
    expect(resumed.lastEpoch).toBe(5);
    expect(optimizer.paramGroups[0]?.lr).toBe(reference.paramGroups[0]?.lr);
    expect(optimizer.paramGroups[0]?.momentum).toBe(reference.paramGroups[0]?.momentum);
  });

  it('throws KeyError when a group lacks a landmark', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 });
    optimizer.paramGroups[0]!.initial_lr = 0.1;
    const call = () =>
      new OneCycleLR(optimizer, {
        max_lr: 1,
        total_steps: 10,
        cycle_momentum: false,
        last_epoch: 3,
      });
    expect(call).toThrow(KeyError);
    expect(call).toThrow(/^max_lr$/);
  });

  it('has newest state-dict keys, in order, and survives JSON', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 });
    const scheduler = new OneCycleLR(optimizer, { max_lr: 1, total_steps: 10 });
    const state = scheduler.stateDict();
    expect(Object.keys(state)).toEqual([
      'total_steps',
      '_schedule_phases',
      '_anneal_func_type',
      'cycle_momentum',
      'use_beta1',
      'base_lrs',
      'last_epoch',
      '_step_count',
      '_is_initial',
      '_get_lr_called_within_step',
      '_last_lr',
    ]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('looks the annealing function up from the loaded state at every step', () => {
    const optimizer = new SGD([{ params: params() }], { lr: 0.1, momentum: 0.9 });
    const scheduler = new OneCycleLR(optimizer, { max_lr: 1, total_steps: 10 });
    scheduler.loadStateDict({ _anneal_func_type: 'linear' });
    scheduler.step();
    expect(close(scheduler.getLastLr()[0] as number, 0.04 + (1 - 0.04) / 2)).toBe(true);
    scheduler.loadStateDict({ _anneal_func_type: 'step' });
    expect(() => scheduler.step()).toThrow('Unknown _anneal_func_type: step');
  });
});
