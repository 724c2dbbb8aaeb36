/**
 * The optimizer API around the update rules: argument checks and their PyTorch messages,
 * defaults and param groups, `zeroGrad`, `addParamGroup`, closures, and state dicts that survive
 * a JSON round trip. Expected values are PyTorch's messages and layouts, or updates computed here
 * from the documented formulas.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyError, PyTypeError, ValueError } from '../../src/scheduler/errors.ts';
import {
  Adam,
  AdamW,
  SGD,
  type Optimizer,
  type OptimizerStateDict,
  type Param,
} from '../../src/scheduler/optim/index.ts';
import { setWarningHandler } from '../../src/scheduler/warnings.ts';

function param(...values: number[]): Param {
  return { data: Float64Array.from(values), grad: null };
}

function expectError(fn: () => unknown, type: new (...args: never[]) => Error, message: string) {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(type);
  expect((caught as Error).message).toBe(message);
}

afterEach(() => {
  setWarningHandler(null);
});

describe('argument checks (PyTorch messages, in PyTorch order)', () => {
  const p = () => [param(1, 2)];

  it('SGD', () => {
    expectError(() => new SGD(p(), { lr: -1 }), ValueError, 'Invalid learning rate: -1');
    expectError(() => new SGD(p(), { lr: -0.5 }), ValueError, 'Invalid learning rate: -0.5');
    expectError(
      () => new SGD(p(), { lr: -1, momentum: -1 }),
      ValueError,
      'Invalid learning rate: -1',
    );
    expectError(() => new SGD(p(), { momentum: -0.5 }), ValueError, 'Invalid momentum value: -0.5');
    expectError(
      () => new SGD(p(), { weight_decay: -1 }),
      ValueError,
      'Invalid weight_decay value: -1',
    );
    const nesterov = 'Nesterov momentum requires a momentum and zero dampening';
    expectError(() => new SGD(p(), { lr: 0.1, nesterov: true }), ValueError, nesterov);
    expectError(
      () => new SGD(p(), { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true }),
      ValueError,
      nesterov,
    );
    // `lr < 0` is false for NaN, so PyTorch's SGD accepts it.
    expect(() => new SGD(p(), { lr: NaN })).not.toThrow();
  });

  it('Adam and AdamW', () => {
    for (const Ctor of [Adam, AdamW]) {
      expectError(() => new Ctor(p(), { lr: -1 }), ValueError, 'Invalid learning rate: -1');
      expectError(() => new Ctor(p(), { lr: NaN }), ValueError, 'Invalid learning rate: nan');
      expectError(() => new Ctor(p(), { eps: -1 }), ValueError, 'Invalid epsilon value: -1');
      expectError(
        () => new Ctor(p(), { eps: -1e-5, betas: [1, 0.9] }),
        ValueError,
        'Invalid epsilon value: -1e-05',
      );
      expectError(
        () => new Ctor(p(), { betas: [1, 0.9] }),
        ValueError,
        'Invalid beta parameter at index 0: 1',
      );
      expectError(
        () => new Ctor(p(), { betas: [-0.1, 0.9] }),
        ValueError,
        'Invalid beta parameter at index 0: -0.1',
      );
      expectError(
        () => new Ctor(p(), { betas: [0.9, 1] }),
        ValueError,
        'Invalid beta parameter at index 1: 1',
      );
      expectError(
        () => new Ctor(p(), { weight_decay: -1 }),
        ValueError,
        'Invalid weight_decay value: -1',
      );
    }
  });

  it('unknown options are Python TypeErrors, not silently ignored', () => {
    expectError(
      () => new SGD(p(), { lr: 0.1, weightDecay: 0.1 } as never),
      PyTypeError,
      "SGD.__init__() got an unexpected keyword argument 'weightDecay'",
    );
    expectError(
      () => new Adam(p(), { foreach: true } as never),
      PyTypeError,
      "Adam.__init__() got an unexpected keyword argument 'foreach'",
    );
    expectError(
      () => new AdamW(p(), { decoupled_weight_decay: false } as never),
      PyTypeError,
      "AdamW.__init__() got an unexpected keyword argument 'decoupled_weight_decay'",
    );
  });

  it('parameter lists', () => {
    expectError(() => new SGD([]), ValueError, 'optimizer got an empty parameter list');
    expectError(
      () => new SGD(param(1) as never),
      PyTypeError,
      'params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.DoubleTensor',
    );
    expectError(
      () => new SGD([param(1), 3] as never),
      PyTypeError,
      'optimizer can only optimize Tensors, but one of the params is int',
    );
    const shared = param(1);
    expectError(
      () => new SGD([{ params: [shared] }, { params: [shared] }]),
      ValueError,
      'some parameters appear in more than one parameter group',
    );
    expectError(
      () => new SGD([{ params: new Set([param(1)]) as never }]),
      PyTypeError,
      'optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.',
    );
    const warnings: string[] = [];
    setWarningHandler((m) => warnings.push(m));
    new SGD([shared, shared]);
    expect(warnings).toEqual([
      'optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more information',
    ]);
  });
});

describe('defaults and param groups', () => {
  it('resolved defaults, with the keys schedulers look for', () => {
    const sgd = new SGD([param(1)]);
    expect(sgd.defaults).toEqual({
      lr: 1e-3,
      momentum: 0,
      dampening: 0,
      weight_decay: 0,
      nesterov: false,
      maximize: false,
    });
    const adam = new Adam([param(1)]);
    expect(adam.defaults).toEqual({
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weight_decay: 0,
      amsgrad: false,
      maximize: false,
      decoupled_weight_decay: false,
    });
    expect('momentum' in sgd.defaults && !('betas' in sgd.defaults)).toBe(true);
    expect('betas' in adam.defaults && !('momentum' in adam.defaults)).toBe(true);
    const adamw = new AdamW([param(1)]);
    expect(adamw.defaults['weight_decay']).toBe(1e-2);
    expect(adamw.defaults['decoupled_weight_decay']).toBe(true);
    expect(new AdamW([param(1)], { weight_decay: 0 }).defaults['weight_decay']).toBe(0);
  });

  it('groups take the options they do not set from the defaults, without sharing arrays', () => {
    const groupA = { params: [param(1)], lr: 0.5 };
    const groupB = { params: [param(2)], betas: [0.8, 0.99] as [number, number] };
    const opt = new Adam([groupA, groupB, { params: [param(3)] }], { lr: 0.1 });
    expect(opt.paramGroups[0]).toBe(groupA);
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([0.5, 0.1, 0.1]);
    expect(opt.paramGroups.map((g) => g.betas)).toEqual([
      [0.9, 0.999],
      [0.8, 0.99],
      [0.9, 0.999],
    ]);
    expect(opt.paramGroups[0]?.betas).not.toBe(opt.defaults['betas']);
    expect(opt.paramGroups[0]?.betas).not.toBe(opt.paramGroups[2]?.betas);
  });

  it('each group steps with its own options', () => {
    const a = param(1, -2);
    const b = param(3);
    const opt = new SGD([{ params: [a] }, { params: [b], lr: 0.01, weight_decay: 0.5 }], {
      lr: 0.1,
    });
    a.grad = Float64Array.of(0.5, 0.25);
    b.grad = Float64Array.of(-1);
    opt.step();
    expect(Array.from(a.data)).toEqual([1 - 0.1 * 0.5, -2 - 0.1 * 0.25]);
    expect(Array.from(b.data)).toEqual([3 - 0.01 * (-1 + 0.5 * 3)]);
  });

  it('addParamGroup', () => {
    const a = param(1);
    const opt = new SGD([a], { lr: 0.1, momentum: 0.9 });
    const head = param(5, 6);
    const group = { params: [head], lr: 0.2 };
    opt.addParamGroup(group);
    expect(opt.paramGroups).toHaveLength(2);
    expect(opt.paramGroups[1]).toBe(group);
    expect(opt.paramGroups[1]).toMatchObject({ lr: 0.2, momentum: 0.9, dampening: 0 });
    head.grad = Float64Array.of(1, -1);
    opt.step();
    // First step: the momentum buffer is the gradient itself.
    expect(Array.from(head.data)).toEqual([5 - 0.2 * 1, 6 - 0.2 * -1]);
    expect(opt.state.has(a)).toBe(false);
    expectError(
      () => opt.addParamGroup({ params: [a] }),
      ValueError,
      'some parameters appear in more than one parameter group',
    );
    expectError(
      () => opt.addParamGroup(head as never),
      PyTypeError,
      "param_group must be a dict, but got <class 'torch.Tensor'>",
    );
    expectError(() => opt.addParamGroup({ lr: 0.1 } as never), KeyError, "'params'");
  });
});

describe('step, zeroGrad and closures', () => {
  it('zeroGrad sets gradients to null by default, or fills them with zeros', () => {
    const a = param(1, 2);
    const b = param(3);
    const opt = new SGD([a, b], { lr: 0.5, weight_decay: 0.1 });
    const grad = Float64Array.of(1, 1);
    a.grad = grad;
    opt.zeroGrad(false);
    expect(a.grad).toBe(grad);
    expect(Array.from(grad)).toEqual([0, 0]);
    expect(b.grad).toBeNull();
    // A zero gradient still steps: weight decay moves the parameter.
    opt.step();
    expect(Array.from(a.data)).toEqual([1 - 0.5 * (0 + 0.1 * 1), 2 - 0.5 * (0 + 0.1 * 2)]);
    expect(Array.from(b.data)).toEqual([3]);
    opt.zeroGrad();
    expect(a.grad).toBeNull();
    // A null gradient is skipped entirely.
    opt.step();
    expect(Array.from(a.data)).toEqual([1 - 0.5 * (0 + 0.1 * 1), 2 - 0.5 * (0 + 0.1 * 2)]);
  });

  it('parameters without gradients get no state', () => {
    const a = param(1);
    const b = param(2);
    const opt = new Adam([a, b]);
    a.grad = Float64Array.of(1);
    opt.step();
    expect([...opt.state.keys()]).toEqual([a]);
    expect(Object.keys(opt.state.get(a) ?? {})).toEqual(['step', 'exp_avg', 'exp_avg_sq']);
  });

  it('switching AMSGrad on after the first step fails as in PyTorch, before counting a step', () => {
    const a = param(1);
    const opt = new Adam([a]);
    a.grad = Float64Array.of(1);
    opt.step();
    opt.paramGroups[0]!.amsgrad = true;
    expectError(() => opt.step(), KeyError, "'max_exp_avg_sq'");
    expect(opt.state.get(a)?.['step']).toBe(1);
  });

  it('SGD keeps a momentum buffer only when momentum is non-zero (newest PyTorch)', () => {
    const a = param(1);
    const plain = new SGD([a], { lr: 0.1 });
    a.grad = Float64Array.of(1);
    plain.step();
    expect(plain.state.size).toBe(0);
    const b = param(1);
    const heavy = new SGD([b], { lr: 0.1, momentum: 0.9 });
    b.grad = Float64Array.of(1);
    heavy.step();
    expect(heavy.state.get(b)?.['momentum_buffer']).toEqual(Float64Array.of(1));
  });

  it('runs the closure first and returns its loss', () => {
    for (const make of [
      (ps: Param[]) => new SGD(ps, { lr: 0.1 }),
      (ps: Param[]) => new Adam(ps, { lr: 0.1 }),
      (ps: Param[]) => new AdamW(ps, { lr: 0.1 }),
    ]) {
      const w = param(2);
      const opt = make([w]);
      expect(opt._optCalled).toBe(false);
      expect(opt.step()).toBeUndefined();
      expect(opt._optCalled).toBe(true);
      expect(Array.from(w.data)).toEqual([2]);
      const loss = opt.step(() => {
        const x = w.data[0] as number;
        w.grad = Float64Array.of(2 * x);
        return x * x;
      });
      expect(loss).toBe(4);
      expect(w.data[0]).toBeLessThan(2);
    }
  });

  it('AdamW decays the weights directly, Adam through the gradient', () => {
    const lr = 0.1;
    const wd = 0.5;
    const a = param(2);
    const adamw = new AdamW([a], { lr, weight_decay: wd });
    a.grad = Float64Array.of(0);
    adamw.step();
    // Zero gradient: the moments stay 0, so only the decay θ·(1 − lr·λ) acts.
    expect(a.data[0]).toBe(2 * (1 - lr * wd));
    const b = param(2);
    const adam = new Adam([b], { lr, weight_decay: wd });
    b.grad = Float64Array.of(0);
    adam.step();
    // Coupled: g = λθ = 1, so the first Adam step moves θ by about lr.
    expect(b.data[0]).toBeCloseTo(2 - lr, 6);
  });
});

describe('state dicts', () => {
  type Make = (params: Param[]) => Optimizer;
  const makers: Array<[string, Make]> = [
    ['SGD nesterov', (ps) => new SGD(ps, { lr: 0.05, momentum: 0.9, nesterov: true })],
    [
      'SGD dampening, 2 groups',
      (ps) =>
        new SGD([{ params: [ps[0] as Param] }, { params: ps.slice(1), lr: 0.02 }], {
          lr: 0.05,
          momentum: 0.8,
          dampening: 0.3,
        }),
    ],
    ['Adam amsgrad', (ps) => new Adam(ps, { lr: 0.01, amsgrad: true, weight_decay: 0.1 })],
    ['AdamW', (ps) => new AdamW([{ params: ps, betas: [0.8, 0.95] }], { lr: 0.02 })],
  ];

  function saddle(p: Param): void {
    const x = p.data[0] as number;
    const y = p.data[1] as number;
    p.grad = Float64Array.of(2 * x, -2 * y + y * y * y);
  }

  function run(opt: Optimizer, params: Param[], steps: number): void {
    for (let k = 0; k < steps; k++) {
      params.forEach(saddle);
      opt.step();
    }
  }

  const starts = () => [param(0.5, 1e-3), param(1, -0.01), param(-0.3, 0.002)];

  for (const [name, make] of makers) {
    it(`${name}: stateDict → JSON → loadStateDict continues identically`, () => {
      const straight = starts();
      const reference = make(straight);
      run(reference, straight, 25);

      const first = starts();
      const before = make(first);
      run(before, first, 10);
      const json = JSON.stringify(before.stateDict());

      const resumedParams = first.map((p) => param(...p.data));
      const resumed = make(resumedParams);
      for (const group of resumed.paramGroups) group.lr = 123;
      resumed.loadStateDict(JSON.parse(json) as OptimizerStateDict);
      expect(resumed.paramGroups.map((g) => g.lr)).toEqual(before.paramGroups.map((g) => g.lr));
      run(resumed, resumedParams, 15);
      expect(resumedParams.map((p) => Array.from(p.data))).toEqual(
        straight.map((p) => Array.from(p.data)),
      );
      expect(JSON.stringify(resumed.stateDict())).toBe(JSON.stringify(reference.stateDict()));
    });
  }

  it("uses PyTorch's layout and is a snapshot", () => {
    const ps = starts();
    const opt = new Adam([
      { params: [ps[0] as Param] },
      { params: [ps[1] as Param, ps[2] as Param] },
    ]);
    ps[0]!.grad = Float64Array.of(1, 1);
    ps[2]!.grad = Float64Array.of(1, 1);
    opt.step();
    const sd = opt.stateDict();
    expect(Object.keys(sd)).toEqual(['state', 'param_groups']);
    expect(Object.keys(sd.state)).toEqual(['0', '2']);
    expect(sd.state['0']).toMatchObject({ step: 1 });
    expect(Array.isArray(sd.state['0']?.['exp_avg'])).toBe(true);
    expect(sd.param_groups.map((g) => g.params)).toEqual([[0], [1, 2]]);
    expect(Object.keys(sd.param_groups[0] ?? {}).at(-1)).toBe('params');
    expect(JSON.parse(JSON.stringify(sd))).toEqual(sd);
    const saved = JSON.stringify(sd);
    opt.step();
    opt.paramGroups[0]!.betas![0] = 0.5;
    expect(JSON.stringify(sd)).toBe(saved);
  });

  it('loading deep-copies, and turns state arrays back into Float64Arrays', () => {
    const ps = starts();
    const opt = new SGD(ps, { lr: 0.1, momentum: 0.9 });
    run(opt, ps, 3);
    const sd = JSON.parse(JSON.stringify(opt.stateDict())) as OptimizerStateDict;
    const copies = ps.map((p) => param(...p.data));
    const other = new SGD(copies, { lr: 0.1, momentum: 0.9 });
    other.loadStateDict(sd);
    expect(other.paramGroups[0]?.params).toEqual(copies);
    expect(other.paramGroups[0]?.params[0]).toBe(copies[0]);
    const buffer = [...other.state.values()][0]?.['momentum_buffer'];
    expect(buffer).toBeInstanceOf(Float64Array);
    (sd.state['0']?.['momentum_buffer'] as number[])[0] = 99;
    sd.param_groups[0]!.lr = 99;
    expect((buffer as Float64Array)[0]).not.toBe(99);
    expect(other.paramGroups[0]?.lr).toBe(0.1);
  });

  it('fills options older state dicts lack, as __setstate__ does', () => {
    const sd: OptimizerStateDict = {
      state: {},
      param_groups: [{ lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, params: [0] }],
    };
    const adam = new Adam([param(1)]);
    adam.loadStateDict(sd);
    expect(adam.paramGroups[0]).toMatchObject({
      amsgrad: false,
      maximize: false,
      decoupled_weight_decay: false,
    });
    const adamw = new AdamW([param(1)]);
    adamw.loadStateDict({
      state: {},
      param_groups: [{ ...sd.param_groups[0]!, decoupled_weight_decay: false }],
    });
    expect(adamw.paramGroups[0]?.['decoupled_weight_decay']).toBe(true);
  });

  it('rejects state dicts of another shape', () => {
    const opt = new SGD([param(1), param(2)]);
    expectError(
      () => opt.loadStateDict({ state: {}, param_groups: [] }),
      ValueError,
      'loaded state dict has a different number of parameter groups',
    );
    expectError(
      () => opt.loadStateDict({ state: {}, param_groups: [{ params: [0], lr: 0.1 }] }),
      ValueError,
      "loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
    );
  });

  it("loads PyTorch's own state dict and steps on from it", () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../fixtures/optimizers.json', import.meta.url), 'utf8'),
    ) as {
      cases: Array<{
        optimizer: {
          type: string;
          defaults: Record<string, number>;
          groups: Array<{ start: number[] }>;
        };
        steps: number;
        state?: OptimizerStateDict;
      }>;
    };
    const withState = fixture.cases.filter((c) => c.state !== undefined);
    expect(withState.map((c) => c.optimizer.type).sort()).toEqual(['Adam', 'SGD']);
    for (const c of withState) {
      const make = (p: Param) =>
        c.optimizer.type === 'SGD'
          ? new SGD([p], c.optimizer.defaults)
          : new Adam([p], c.optimizer.defaults);
      const start = c.optimizer.groups[0]?.start as number[];
      const ours = param(...start);
      const ourOpt = make(ours);
      run(ourOpt, [ours], c.steps);
      // PyTorch's state dict (with 1.13's extra group keys and `step: 200.0`) loaded at the
      // same point must step on as our uninterrupted optimizer does (to rounding: newest Adam's
      // lerp and 1.13's multiply-add moments differ in the last bits).
      const loaded = param(...ours.data);
      const loadedOpt = make(loaded);
      loadedOpt.loadStateDict(c.state as OptimizerStateDict);
      run(ourOpt, [ours], 5);
      run(loadedOpt, [loaded], 5);
      loaded.data.forEach((v, i) => {
        const w = ours.data[i] as number;
        expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-10 * Math.max(Math.abs(v), Math.abs(w)));
      });
    }
  });
});
