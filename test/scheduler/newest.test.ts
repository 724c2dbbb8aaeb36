/**
 * Behaviour where newest PyTorch differs from 1.13 (so the 1.13 fixtures cannot cover it):
 * expected values are computed here from the newest upstream rules, step by step.
 */
import { describe, expect, it } from 'vitest';
import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  ExponentialLR,
  LinearLR,
  MultiplicativeLR,
  PyTypeError,
  ReduceLROnPlateau,
  SequentialLR,
  SGD,
  setWarningHandler,
  ValueError,
  withoutWarnings,
  type Param,
} from '../../src/scheduler/index.ts';

const param = (): Param => ({ data: new Float64Array(1), grad: new Float64Array(1) });
const sgd = (lr = 1) => new SGD([param()], { lr });

describe('newest PyTorch behaviour', () => {
  it('LinearLR rejects start_factor = 0', () => {
    expect(() => new LinearLR(sgd(), { start_factor: 0 })).toThrow(
      new ValueError(
        'Starting multiplicative factor expected to be greater than 0 and less or equal to 1.',
      ),
    );
  });

  it("a resume construction leaves a recursive scheduler's lr unchanged (initial mode)", () => {
    const opt = sgd(0.0125);
    opt.paramGroups[0]!.initial_lr = 0.05;
    const s = withoutWarnings(() => new ExponentialLR(opt, { gamma: 0.5, last_epoch: 3 }));
    expect(opt.paramGroups[0]!.lr).toBe(0.0125);
    expect(s.lastEpoch).toBe(4);
    withoutWarnings(() => s.step());
    expect(opt.paramGroups[0]!.lr).toBe(0.0125 * 0.5);
  });

  it('MultiplicativeLR multiplies at a SequentialLR milestone', () => {
    const opt = sgd(1);
    const lrs = withoutWarnings(() => {
      const a = new ConstantLR(opt, { factor: 0.5, total_iters: 10 });
      const b = new MultiplicativeLR(opt, { lr_lambda: () => 0.9 });
      const s = new SequentialLR(opt, { schedulers: [a, b], milestones: [3] });
      const out = [opt.paramGroups[0]!.lr];
      for (let i = 0; i < 5; i += 1) {
        s.step();
        out.push(opt.paramGroups[0]!.lr);
      }
      return out;
    });
    expect(lrs).toEqual([0.5, 0.5, 0.5, 0.5 * 0.9, 0.5 * 0.9 * 0.9, 0.5 * 0.9 * 0.9 * 0.9]);
  });

  it('MultiplicativeLR rejects a non-function', () => {
    expect(() => new MultiplicativeLR(sgd(), { lr_lambda: 0.9 as never })).toThrow(
      new PyTypeError('lr_lambda should be a function, but got float'),
    );
  });

  it('CosineAnnealingWarmRestarts wraps T_cur with a modulo', () => {
    const s = withoutWarnings(() => new CosineAnnealingWarmRestarts(sgd(), { T_0: 5, T_mult: 2 }));
    s.T_cur = 12;
    withoutWarnings(() => s.step());
    expect(s.T_cur).toBe(13 % 5);
    expect(s.T_i).toBe(10);
  });

  it('CosineAnnealingWarmRestarts mixes fractional and implicit steps', () => {
    const s = withoutWarnings(() => new CosineAnnealingWarmRestarts(sgd(), { T_0: 10 }));
    s.step(3.5);
    s.step();
    expect(s.T_cur).toBe(4.5);
    expect(s.lastEpoch).toBe(4);
  });

  it('SequentialLR and ChainedScheduler check their children with the newest messages', () => {
    const opt = sgd();
    const other = sgd();
    const cos = new CosineAnnealingLR(opt, { T_max: 5 });
    const foreign = new CosineAnnealingLR(other, { T_max: 5 });
    const plateau = new ReduceLROnPlateau(opt);
    expect(() => new SequentialLR(opt, { schedulers: [], milestones: [] })).toThrow(
      new ValueError('SequentialLR expects at least one scheduler, but got no scheduler.'),
    );
    expect(() => new ChainedScheduler([])).toThrow(
      new ValueError(
        'ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.',
      ),
    );
    expect(() => new ChainedScheduler([cos, plateau])).toThrow(
      'ChainedScheduler does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be specified when calling `step`, but got one at index 1 in the given schedulers sequence.',
    );
    expect(() => new SequentialLR(opt, { schedulers: [cos, foreign], milestones: [2] })).toThrow(
      /^SequentialLR expects all schedulers to belong to the same optimizer, but got scheduler CosineAnnealingLR at index 1 has /,
    );
  });

  it('warns about scheduler.step() before optimizer.step() only when it happens', () => {
    const messages: string[] = [];
    const previous = setWarningHandler((m) => messages.push(m));
    try {
      const opt = sgd();
      const s = new CosineAnnealingLR(opt, { T_max: 5 });
      s.step();
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^Detected call of `lr_scheduler.step\(\)` before/);
      const opt2 = sgd();
      const s2 = new CosineAnnealingLR(opt2, { T_max: 5 });
      opt2.step();
      s2.step();
      s2.getLr();
      expect(messages.slice(1)).toEqual([
        'To get the last learning rate computed by the scheduler, please use `get_last_lr()`.',
      ]);
    } finally {
      setWarningHandler(previous);
    }
  });
});
