/**
 * The API mapping table (`src/mapping/`) against the engine itself: every exported class has a
 * row and every row names an export; defaults, method and attribute names, state-dict keys and
 * param-group keys are checked on live instances; where PyTorch 1.13 is installed, its
 * constructor signatures are an independent oracle for the parameter lists and defaults.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/scheduler/index.ts';
import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  LRScheduler,
  MultiplicativeLR,
  MultiStepLR,
  OneCycleLR,
  Optimizer,
  PolynomialLR,
  PyTypeError,
  ReduceLROnPlateau,
  SequentialLR,
  StepLR,
  differences,
  withoutWarnings,
  type Param,
  type Scheduler,
  type StateDict,
} from '../../src/scheduler/index.ts';
import {
  classMappings,
  errorMappings,
  inlineCodeHtml,
  pythonSignature,
  tsDefault,
  typescriptCall,
  type ClassMapping,
  type DefaultValue,
} from '../../src/mapping/index.ts';

type Options = Record<string, unknown>;

/** Something built from a row: the instance and the optimizer it drives (or is). */
interface Built {
  instance: object;
  optimizer: Optimizer;
  /** Param-group keys before a scheduler was constructed (schedulers only). */
  groupKeysBefore: string[];
}

const param = (): Param => ({ data: Float64Array.of(1, -2), grad: null });

/** The subclass the `Optimizer` row's example describes: plain gradient descent. */
class PlainDescent extends Optimizer {
  constructor(params: Param[], defaults: Record<string, unknown>) {
    super(params, defaults);
  }
  step(closure?: () => number): number | undefined {
    this._optCalled = true;
    const loss = closure?.();
    for (const { params, lr } of this.paramGroups) {
      for (const p of params) p.data.set(p.data.map((x, i) => x - lr * (p.grad?.[i] ?? 0)));
    }
    return loss;
  }
}

/** The subclass the `LRScheduler` row's example describes: halve every epoch. */
class Halving extends LRScheduler {
  constructor(optimizer: Optimizer, lastEpoch = -1) {
    super(optimizer, lastEpoch);
    this.initialStep();
  }
  getLr(): number[] {
    return this.baseLrs.map((lr) => lr * 0.5 ** this.lastEpoch);
  }
}

/** The options every scheduler test passes besides those under test; they set the required ones. */
const requiredOptions: Record<string, (opt: Optimizer) => Options> = {
  LambdaLR: () => ({ lr_lambda: (e: number) => 0.9 ** e }),
  MultiplicativeLR: () => ({ lr_lambda: () => 0.9 }),
  StepLR: () => ({ step_size: 3 }),
  MultiStepLR: () => ({ milestones: [2, 4] }),
  ConstantLR: () => ({}),
  LinearLR: () => ({}),
  ExponentialLR: () => ({ gamma: 0.9 }),
  PolynomialLR: () => ({}),
  CosineAnnealingLR: () => ({ T_max: 10 }),
  CosineAnnealingWarmRestarts: () => ({ T_0: 4 }),
  SequentialLR: (opt) => ({
    schedulers: [new ConstantLR(opt, { factor: 0.5 }), new ExponentialLR(opt, { gamma: 0.9 })],
    milestones: [2],
  }),
  CyclicLR: () => ({ base_lr: 0.01, max_lr: 0.1, step_size_up: 4 }),
  OneCycleLR: () => ({ max_lr: 0.1, total_steps: 50 }),
  ReduceLROnPlateau: () => ({}),
  LRScheduler: () => ({}),
  ChainedScheduler: () => ({}),
};

type SchedulerFactory = (opt: Optimizer, options: Options) => object;

const schedulerFactories: Record<string, SchedulerFactory> = {
  LRScheduler: (opt, o) => new Halving(opt, (o['last_epoch'] as number | undefined) ?? -1),
  LambdaLR: (opt, o) => new LambdaLR(opt, o as never),
  MultiplicativeLR: (opt, o) => new MultiplicativeLR(opt, o as never),
  StepLR: (opt, o) => new StepLR(opt, o as never),
  MultiStepLR: (opt, o) => new MultiStepLR(opt, o as never),
  ConstantLR: (opt, o) => new ConstantLR(opt, o as never),
  LinearLR: (opt, o) => new LinearLR(opt, o as never),
  ExponentialLR: (opt, o) => new ExponentialLR(opt, o as never),
  PolynomialLR: (opt, o) => new PolynomialLR(opt, o as never),
  CosineAnnealingLR: (opt, o) => new CosineAnnealingLR(opt, o as never),
  CosineAnnealingWarmRestarts: (opt, o) => new CosineAnnealingWarmRestarts(opt, o as never),
  SequentialLR: (opt, o) => new SequentialLR(opt, o as never),
  ChainedScheduler: (opt, o) =>
    new ChainedScheduler(
      [new ConstantLR(opt, { factor: 0.5 }), new ExponentialLR(opt, { gamma: 0.9 })],
      o as never,
    ),
  CyclicLR: (opt, o) => new CyclicLR(opt, o as never),
  OneCycleLR: (opt, o) => new OneCycleLR(opt, o as never),
  ReduceLROnPlateau: (opt, o) => new ReduceLROnPlateau(opt, o as never),
};

const optimizerFactories: Record<string, (params: Param[], options: Options) => Optimizer> = {
  Optimizer: (params, o) => new PlainDescent(params, { lr: 0.1, ...o }),
  SGD: (params, o) => new engine.SGD(params, o as never),
  Adam: (params, o) => new engine.Adam(params, o as never),
  AdamW: (params, o) => new engine.AdamW(params, o as never),
};

/** Builds the class of a row with its required options plus `extra`, without warnings. */
function build(row: ClassMapping, extra: Options = {}): Built {
  return withoutWarnings(() => {
    if (row.kind === 'optimizer') {
      const factory = optimizerFactories[row.name];
      if (factory === undefined) throw new Error(`no factory for ${row.name}`);
      const optimizer = factory([param()], extra);
      return { instance: optimizer, optimizer, groupKeysBefore: [] };
    }
    const factory = schedulerFactories[row.name];
    const required = requiredOptions[row.name];
    if (factory === undefined || required === undefined) {
      throw new Error(`no factory for ${row.name}`);
    }
    const optimizer = new engine.SGD([param()], { lr: 0.1, momentum: 0.9 });
    const groupKeysBefore = Object.keys(optimizer.paramGroups[0]!);
    const instance = factory(optimizer, { ...extra, ...required(optimizer) });
    return { instance, optimizer, groupKeysBefore };
  });
}

/** A row and the rows it inherits from, base last. */
function lineage(row: ClassMapping): ClassMapping[] {
  const chain = [row];
  let current = row;
  while (current.inherits !== undefined) {
    const base = classMappings.find((r) => r.name === current.inherits);
    if (base === undefined) throw new Error(`${current.name} inherits unknown ${current.inherits}`);
    chain.push(base);
    current = base;
  }
  return chain;
}

const camel = (name: string): string =>
  name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** The naming rule: `last_epoch` → `lastEpoch`, `T_max` → `T_max`, `_schedulers` → `_schedulers`. */
function ruleName(py: string): string {
  if (py.startsWith('T_')) return py;
  if (py.startsWith('_')) return `_${camel(py.slice(1))}`;
  return camel(py);
}

/** Names outside the rule: newest PyTorch made `is_better` private, the port keeps it public. */
const RENAMED_BY_HAND: Record<string, string> = { _is_better: 'isBetter' };

function isClass(value: unknown): boolean {
  return typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value));
}

/** A state with the parameters (objects with typed arrays) left out, for comparison. */
function plainState(built: Built): unknown {
  const groups = built.optimizer.paramGroups.map((g) => ({ ...g, params: g.params.length }));
  const state = (built.instance as { stateDict(): unknown }).stateDict();
  return JSON.parse(JSON.stringify({ groups, state })) as unknown;
}

const exportedClasses = Object.entries(engine)
  .filter(([, value]) => isClass(value))
  .map(([name]) => name)
  .sort();

describe('rows and exports', () => {
  const rowNames = [...classMappings.map((r) => r.name), ...errorMappings.map((r) => r.name)];

  it('every exported class has exactly one row', () => {
    expect(exportedClasses.length).toBeGreaterThan(20);
    const missing = exportedClasses.filter((name) => !rowNames.includes(name));
    expect(missing).toEqual([]);
    expect(new Set(rowNames).size).toBe(rowNames.length);
  });

  it('every row names an exported class', () => {
    expect(rowNames.filter((name) => !exportedClasses.includes(name))).toEqual([]);
  });

  it.each(classMappings.map((r) => [r.name, r] as const))(
    '%s is PyTorch’s class of the same name',
    (name, row) => {
      expect(row.pytorch.endsWith(`.${name}`)).toBe(true);
      expect(row.docs).toMatch(/^https:\/\//);
      expect(isClass((engine as Record<string, unknown>)[name])).toBe(true);
    },
  );

  it('every error row is an Error subclass whose name is the Python exception', () => {
    for (const row of errorMappings) {
      const ErrorClass = (engine as Record<string, unknown>)[row.name] as new (m: string) => Error;
      const error = new ErrorClass('message');
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(row.python);
    }
  });

  it('every documented difference concerns a class with a row', () => {
    const names = classMappings.map((r) => r.name);
    const strays = differences
      .map((d) => d.subject)
      .filter((subject) => subject !== '*' && !names.includes(subject));
    expect(strays).toEqual([]);
  });
});

describe.each(classMappings.map((row) => [row.name, row] as const))('%s', (_name, row) => {
  const chain = lineage(row);

  it('has every listed method, under its TypeScript name only', () => {
    const { instance } = build(row);
    for (const member of chain.flatMap((r) => r.methods)) {
      expect(typeof (instance as Record<string, unknown>)[member.ts], member.ts).toBe('function');
      if (member.py !== member.ts && !member.py.startsWith('_')) {
        expect(member.py in instance, `${member.py} should be ${member.ts}`).toBe(false);
      }
    }
  });

  it('has every listed attribute, under its TypeScript name only', () => {
    const { instance } = build(row);
    for (const member of chain.flatMap((r) => r.attributes)) {
      expect(member.ts in instance, member.ts).toBe(true);
      if (member.py !== member.ts) {
        expect(member.py in instance, `${member.py} should be ${member.ts}`).toBe(false);
      }
    }
  });

  it('renames by the rule: camelCase, except math symbols (T_…); leading _ kept', () => {
    for (const member of [...row.methods, ...row.attributes]) {
      expect(member.ts, member.py).toBe(RENAMED_BY_HAND[member.py] ?? ruleName(member.py));
    }
  });

  it('lists the keys of stateDict()', () => {
    const { instance } = build(row);
    expect((row.stateDictKeys as string[]).slice()).toEqual(
      Object.keys((instance as { stateDict(): object }).stateDict()),
    );
  });

  it('lists the param-group keys', () => {
    const built = build(row);
    const keys = Object.keys(built.optimizer.paramGroups[0]!);
    if (row.kind === 'optimizer' && row.abstract === true) {
      expect(keys).toEqual(expect.arrayContaining([...row.groupKeys]));
    } else if (row.kind === 'optimizer') {
      expect(keys).toEqual([...row.groupKeys]);
    } else {
      const added = keys.filter((k) => !built.groupKeysBefore.includes(k));
      expect(added.sort()).toEqual([...row.groupKeys].sort());
    }
  });

  const withDefaults = row.params.filter(
    (p) => p.default !== undefined && p.positional !== true && p.unsupported !== true,
  );

  it.each(withDefaults.map((p) => [p.name, p] as const))(
    'default of %s: passing it explicitly changes nothing',
    (name, p) => {
      const value = p.default!.value;
      expect(plainState(build(row, { [name]: value }))).toEqual(plainState(build(row)));
    },
  );

  const stored = row.params.filter((p) => p.default !== undefined && p.stored !== undefined);
  it.each(stored.map((p) => [p.name, p] as const))(
    'default of %s is what the instance holds',
    (_n, p) => {
      const built = build(row);
      const where = p.stored!;
      const actual =
        'attribute' in where
          ? (built.instance as Record<string, unknown>)[where.attribute]
          : built.optimizer.paramGroups[0]![where.group];
      const expected = p.default!.value;
      // A per-group list attribute (`baseMomentums`, `minLrs`) holds the scalar once per group.
      if (Array.isArray(actual) && !Array.isArray(expected)) {
        expect(actual).toEqual(built.optimizer.paramGroups.map(() => expected));
      } else {
        expect(actual).toEqual(expected);
      }
    },
  );

  const unsupported = row.params.filter((p) => p.unsupported === true);
  it.runIf(unsupported.length > 0)('rejects the options it does not support', () => {
    for (const p of unsupported) {
      expect(() => build(row, { [p.name]: p.default?.value }), p.name).toThrow(PyTypeError);
    }
  });

  it('spells every Python default so that it reads back as the listed value', () => {
    for (const p of row.params) {
      if (p.default !== undefined)
        expect(parsePython(p.default.py), p.name).toEqual(p.default.value);
    }
  });

  it.runIf(row.kind === 'scheduler' && row.abstract !== true)(
    'state dict survives JSON and loads into a fresh instance',
    () => {
      const first = build(row);
      withoutWarnings(() => {
        for (let i = 0; i < 3; i += 1) {
          first.optimizer.step();
          if (first.instance instanceof ReduceLROnPlateau) first.instance.step(1);
          else (first.instance as { step(): void }).step();
        }
      });
      const saved = (first.instance as Scheduler).stateDict();
      const second = build(row);
      const fresh = second.instance as Scheduler;
      fresh.loadStateDict(JSON.parse(JSON.stringify(saved)) as StateDict);
      expect(JSON.parse(JSON.stringify(fresh.stateDict()))).toEqual(
        JSON.parse(JSON.stringify(saved)),
      );
    },
  );
});

/**
 * Reads a default as written in a Python signature, independently of `tsDefault`: numbers,
 * `a / b`, quoted strings, None, True, False and tuples of those.
 */
function parsePython(source: string): DefaultValue {
  const s = source.trim();
  if (s === 'None') return null;
  if (s === 'True') return true;
  if (s === 'False') return false;
  const quoted = /^'([^']*)'$/.exec(s);
  if (quoted) return quoted[1]!;
  const tuple = /^\((.*)\)$/.exec(s);
  if (tuple) return tuple[1]!.split(',').map((part) => parsePython(part));
  const ratio = /^(\S+) \/ (\S+)$/.exec(s);
  if (ratio) return Number(ratio[1]) / Number(ratio[2]);
  const n = Number(s);
  if (Number.isNaN(n)) throw new Error(`cannot read ${source}`);
  return n;
}

describe('rendering', () => {
  const row = (name: string): ClassMapping => classMappings.find((r) => r.name === name)!;

  it('writes PyTorch signatures with defaults and the keyword-only star', () => {
    expect(pythonSignature(row('CosineAnnealingLR'))).toBe(
      'CosineAnnealingLR(optimizer, T_max, eta_min=0.0, last_epoch=-1)',
    );
    expect(pythonSignature(row('SGD'))).toBe(
      [
        'SGD(',
        '    params,',
        '    lr=1e-3,',
        '    momentum=0,',
        '    dampening=0,',
        '    weight_decay=0,',
        '    nesterov=False,',
        '    *,',
        '    maximize=False,',
        '    foreach=None,',
        '    differentiable=False,',
        '    fused=None,',
        ')',
      ].join('\n'),
    );
  });

  it('writes TypeScript calls with one options object and no unsupported options', () => {
    expect(typescriptCall(row('StepLR'))).toBe(
      'new StepLR(optimizer, { step_size, gamma: 0.1, last_epoch: -1 })',
    );
    expect(typescriptCall(row('CosineAnnealingLR'))).toBe(
      [
        'new CosineAnnealingLR(optimizer, {',
        '  T_max,',
        '  eta_min: 0.0,',
        '  last_epoch: -1,',
        '})',
      ].join('\n'),
    );
    expect(typescriptCall(row('Adam'))).toBe(
      [
        'new Adam(params, {',
        '  lr: 1e-3,',
        '  betas: [0.9, 0.999],',
        '  eps: 1e-8,',
        '  weight_decay: 0,',
        '  amsgrad: false,',
        '  maximize: false,',
        '  decoupled_weight_decay: false,',
        '})',
      ].join('\n'),
    );
    expect(typescriptCall(row('ChainedScheduler'))).toBe(
      'new ChainedScheduler(schedulers, { optimizer: undefined })',
    );
  });

  it('spells Python defaults in TypeScript', () => {
    expect(tsDefault({ py: 'None', value: null })).toBe('null');
    expect(tsDefault({ py: 'True', value: true })).toBe('true');
    expect(tsDefault({ py: "'min'", value: 'min' })).toBe("'min'");
    expect(tsDefault({ py: '1.0 / 3', value: 1 / 3 })).toBe('1.0 / 3');
  });

  it('escapes notes and marks code spans', () => {
    expect(inlineCodeHtml('a `<b>` & "c"')).toBe('a <code>&lt;b&gt;</code> &amp; &quot;c&quot;');
  });

  it('every subclass example matches the subclass these tests build', () => {
    expect(row('LRScheduler').subclassExample).toContain('this.initialStep();');
    expect(row('LRScheduler').subclassExample).toContain(
      'return this.baseLrs.map((lr) => lr * 0.5 ** this.lastEpoch);',
    );
    expect(row('Optimizer').subclassExample).toContain(
      'for (const p of params) p.data.set(p.data.map((x, i) => x - lr * (p.grad?.[i] ?? 0)));',
    );
    const halving = build(row('LRScheduler'));
    withoutWarnings(() => (halving.instance as Halving).step());
    expect((halving.instance as Halving).getLastLr()).toEqual([0.1 * 0.5]);
  });
});

const PY_SIGNATURES = String.raw`
import inspect, json
from torch.optim import lr_scheduler as L
import torch.optim as O
out = {}
for name in ["SGD", "Adam", "AdamW"]:
    out[name] = getattr(O, name)
for name in ["LambdaLR", "MultiplicativeLR", "StepLR", "MultiStepLR", "ConstantLR", "LinearLR",
             "ExponentialLR", "PolynomialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts",
             "SequentialLR", "ChainedScheduler", "ReduceLROnPlateau", "CyclicLR", "OneCycleLR"]:
    out[name] = getattr(L, name)
out["LRScheduler"] = L._LRScheduler
def value(d):
    if d is inspect.Parameter.empty or type(d).__name__ == "_RequiredParameter":
        return {"required": True}
    return {"value": list(d) if isinstance(d, tuple) else d}
print(json.dumps({name: [[p.name, value(p.default), p.kind == p.KEYWORD_ONLY]
                         for p in inspect.signature(cls.__init__).parameters.values()
                         if p.name != "self"] for name, cls in out.items()}))
`;

/**
 * Where newest PyTorch's signature differs from 1.13's, by design of the table: each entry is
 * `class.param` and what changed.
 */
const CHANGED_SINCE_113: Record<string, string> = {
  'SGD.lr': 'required in 1.13; defaults to 1e-3 since 2.x',
  'Adam.fused': 'False in 1.13; None (auto) since 2.x',
};

describe.runIf(
  spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0,
)('against PyTorch 1.13 signatures', () => {
  const run = spawnSync('/usr/bin/python3', ['-c', PY_SIGNATURES], { encoding: 'utf8' });
  const signatures = JSON.parse(run.stdout) as Record<
    string,
    Array<[string, { required?: true; value?: DefaultValue }, boolean]>
  >;

  it.each(classMappings.filter((r) => r.name in signatures).map((r) => [r.name, r] as const))(
    '%s keeps 1.13’s parameters, order and defaults',
    (name, row) => {
      const v113 = signatures[name]!;
      const names = row.params.map((p) => p.name);
      // `verbose` was removed in PyTorch 2.7; everything else must still be there, in order.
      const kept = v113.filter(([p]) => p !== 'verbose');
      const positions = kept.map(([p]) => names.indexOf(p));
      expect(
        positions.every((i) => i >= 0),
        `${name}: ${kept.map(([p]) => p)}`,
      ).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const [p, d, keywordOnly] of kept) {
        const mapped = row.params.find((q) => q.name === p)!;
        expect(mapped.keywordOnly === true, `${name}.${p} keyword-only`).toBe(keywordOnly);
        if (`${name}.${p}` in CHANGED_SINCE_113) continue;
        if (d.required === true) {
          expect(mapped.default, `${name}.${p} required`).toBeUndefined();
        } else {
          expect(mapped.default?.value, `${name}.${p}`).toEqual(d.value);
        }
      }
    },
  );

  it('the listed changes since 1.13 are real', () => {
    for (const key of Object.keys(CHANGED_SINCE_113)) {
      const [name, p] = key.split('.') as [string, string];
      const v113 = signatures[name]!.find(([q]) => q === p)!;
      const mapped = classMappings.find((r) => r.name === name)!.params.find((q) => q.name === p)!;
      expect(v113[1].required === true ? undefined : v113[1].value).not.toEqual(
        mapped.default?.value,
      );
    }
  });
});
