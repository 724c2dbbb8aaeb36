/**
 * Builds optimizers and schedulers from a fixture case (see scripts/fixtures/README.md) and
 * replays its actions, so every test compares our port with what real PyTorch recorded.
 */
import {
  Adam,
  AdamW,
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  MultiplicativeLR,
  MultiStepLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  SequentialLR,
  SGD,
  StepLR,
  type Optimizer,
  type Param,
  type Scheduler,
  type StateDict,
} from '../../src/scheduler/index.ts';

/** `{ fn: 'pow', a: 0.95 }` etc.: a Python lambda the fixture generator defines identically. */
export interface FnDescriptor {
  fn: 'pow' | 'const' | 'warmup' | 'floordiv' | 'halving';
  a?: number;
  n?: number;
}

export interface OptimizerSpec {
  type: 'SGD' | 'Adam' | 'AdamW';
  defaults: Record<string, unknown>;
  groups: Array<Record<string, unknown>>;
}

export interface SchedulerSpec {
  type: string;
  options?: Record<string, unknown>;
  children?: number[];
}

export interface Action {
  op: 'step';
  epoch?: number;
  metrics?: number;
  scheduler?: number;
}

export interface TraceEntry {
  lr: number[];
  last_lr?: number[];
  momentum?: number[];
  beta1?: number[];
}

export interface SchedulerCase {
  id: string;
  optimizer: OptimizerSpec;
  schedulers: SchedulerSpec[];
  actions: Action[];
  trace: TraceEntry[];
  state_dicts?: Array<{ after: number; scheduler: number; state: Record<string, unknown> }>;
  resume?: { at: number; trace: TraceEntry[] };
}

export interface ErrorCase {
  id: string;
  optimizer: OptimizerSpec;
  schedulers: SchedulerSpec[];
  actions?: Action[];
  error: { type: string; message: string };
}

export interface FixtureFile<C> {
  torch_version: string;
  platform: string;
  cases: C[];
}

/** The Python lambdas of the fixture generator, with the same arithmetic. */
export function lambdaFromDescriptor(d: FnDescriptor): (x: number) => number {
  const a = d.a ?? 0;
  const n = d.n ?? 1;
  switch (d.fn) {
    case 'pow':
      return (e) => a ** e;
    case 'const':
      return () => a;
    case 'warmup':
      return (e) => Math.min(1.0, (e + 1) / n);
    case 'floordiv':
      return (e) => a ** Math.floor(e / n);
    case 'halving':
      return (x) => 1 / 2.0 ** (x - 1);
  }
}

function decodeFns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => lambdaFromDescriptor(v as FnDescriptor));
  return lambdaFromDescriptor(value as FnDescriptor);
}

/** Decodes the fixture's JSON-safe encoding of non-finite floats. */
export function decodeNumber(value: unknown): unknown {
  if (value === 'inf') return Infinity;
  if (value === '-inf') return -Infinity;
  if (value === 'nan') return NaN;
  return value;
}

/** A fresh optimizer with one 1-element parameter per group, as the generator builds it. */
export function buildOptimizer(spec: OptimizerSpec, makeParam?: (i: number) => Param): Optimizer {
  const groups = spec.groups.map((overrides, i) => {
    const { start, ...rest } = overrides as { start?: number[] };
    const param: Param = makeParam
      ? makeParam(i)
      : { data: new Float64Array(start ?? [0]), grad: null };
    return { params: [param], ...rest };
  });
  const ctor = { SGD, Adam, AdamW }[spec.type];
  return new ctor(groups as never, spec.defaults as never);
}

type Factory = (
  optimizer: Optimizer,
  options: Record<string, unknown>,
  built: Scheduler[],
  children: Scheduler[],
) => Scheduler;

/** How each scheduler class is constructed from a fixture entry. */
export const SCHEDULER_FACTORIES: Record<string, Factory> = {
  LambdaLR: (o, opts) =>
    new LambdaLR(o, { ...opts, lr_lambda: decodeFns(opts['lr_lambda']) } as never),
  MultiplicativeLR: (o, opts) =>
    new MultiplicativeLR(o, { ...opts, lr_lambda: decodeFns(opts['lr_lambda']) } as never),
  StepLR: (o, opts) => new StepLR(o, opts as never),
  MultiStepLR: (o, opts) => new MultiStepLR(o, opts as never),
  ConstantLR: (o, opts) => new ConstantLR(o, opts as never),
  LinearLR: (o, opts) => new LinearLR(o, opts as never),
  ExponentialLR: (o, opts) => new ExponentialLR(o, opts as never),
  PolynomialLR: (o, opts) => new PolynomialLR(o, opts as never),
  CosineAnnealingLR: (o, opts) => new CosineAnnealingLR(o, opts as never),
  CosineAnnealingWarmRestarts: (o, opts) => new CosineAnnealingWarmRestarts(o, opts as never),
  CyclicLR: (o, opts) =>
    new CyclicLR(o, {
      ...opts,
      ...(opts['scale_fn'] ? { scale_fn: decodeFns(opts['scale_fn']) } : {}),
    } as never),
  OneCycleLR: (o, opts) => new OneCycleLR(o, opts as never),
  ReduceLROnPlateau: (o, opts) => new ReduceLROnPlateau(o, opts as never),
  SequentialLR: (o, opts, _built, children) =>
    new SequentialLR(o, { ...opts, schedulers: children } as never),
  ChainedScheduler: (_o, opts, _built, children) => new ChainedScheduler(children, opts as never),
};

/** Constructs the case's schedulers in order on `optimizer`. */
export function buildSchedulers(optimizer: Optimizer, specs: SchedulerSpec[]): Scheduler[] {
  const built: Scheduler[] = [];
  for (const spec of specs) {
    const factory = SCHEDULER_FACTORIES[spec.type];
    if (!factory) throw new Error(`no factory for ${spec.type}`);
    const children = (spec.children ?? []).map((i) => built[i] as Scheduler);
    built.push(factory(optimizer, spec.options ?? {}, built, children));
  }
  return built;
}

/** Performs one fixture action. */
export function perform(schedulers: Scheduler[], action: Action): Scheduler {
  const target = schedulers[action.scheduler ?? schedulers.length - 1] as Scheduler & {
    step(arg?: number): void;
  };
  if (action.metrics !== undefined) {
    const plateau = target as unknown as { step(metrics: number, epoch?: number): void };
    plateau.step(decodeNumber(action.metrics) as number, action.epoch);
  } else if (action.epoch !== undefined) target.step(action.epoch);
  else target.step();
  return target;
}

/**
 * Builds an error case and performs its actions: what it throws, or undefined when nothing
 * does. Warnings are the caller's to silence.
 */
export function attempt(c: ErrorCase): unknown {
  try {
    const optimizer = buildOptimizer(c.optimizer);
    const schedulers = buildSchedulers(optimizer, c.schedulers);
    for (const action of c.actions ?? []) perform(schedulers, action);
  } catch (error) {
    return error;
  }
  return undefined;
}

/** What the generator records after construction and after each action. */
export function snapshot(optimizer: Optimizer, acting: Scheduler): TraceEntry {
  const groups = optimizer.paramGroups;
  const entry: TraceEntry = { lr: groups.map((g) => g.lr), last_lr: [...acting.getLastLr()] };
  if (groups.every((g) => typeof g.momentum === 'number'))
    entry.momentum = groups.map((g) => g.momentum as number);
  if (groups.every((g) => Array.isArray(g.betas)))
    entry.beta1 = groups.map((g) => (g.betas as number[])[0] as number);
  return entry;
}

/** Relative error as the tests define it: 0 when equal, else |a − b| / max(|a|, |b|). */
export function relError(a: number, b: number): number {
  if (Object.is(a, b) || a === b) return 0;
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

/** Replays a case, returning our trace in the fixture's shape. */
export function replay(c: SchedulerCase): {
  trace: TraceEntry[];
  optimizer: Optimizer;
  schedulers: Scheduler[];
  states: Map<number, StateDict[]>;
} {
  const optimizer = buildOptimizer(c.optimizer);
  const schedulers = buildSchedulers(optimizer, c.schedulers);
  const top = schedulers.at(-1) as Scheduler;
  const trace: TraceEntry[] = [snapshot(optimizer, top)];
  const states = new Map<number, StateDict[]>();
  states.set(
    0,
    schedulers.map((s) => s.stateDict()),
  );
  c.actions.forEach((action, k) => {
    const acting = perform(schedulers, action);
    trace.push(snapshot(optimizer, acting));
    states.set(
      k + 1,
      schedulers.map((s) => s.stateDict()),
    );
  });
  return { trace, optimizer, schedulers, states };
}
