/**
 * The pure model of the saddle-point explorer: gradient descent from a start point on
 * f(x, y) = x² − y² (optionally with the floor y⁴/4), with the engine's optimizers and
 * learning-rate schedulers, optional seeded gradient noise, stepped one step at a time.
 * Numbers only; the custom element owns play/pause/step/reset, drawing and words.
 *
 * Reading a configuration from untrusted input ({@link parseExplorerConfig}) never throws;
 * problems come back as keys of the widget's error dictionary (see {@link FieldErrorKey}).
 *
 * @example
 * const parsed = parseExplorerConfig(new URLSearchParams(location.search));
 * if (parsed.ok) {
 *   const run = createRun(parsed.config);
 *   while (step(run)) {}
 *   run.points.at(-1); // { t, x, y, loss, gradNorm, gx, gy, lr }
 * }
 *
 * @module
 */
import {
  Adam,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  SGD,
  type LRScheduler,
  type Optimizer,
  type Param,
} from '../../scheduler/index.ts';
import {
  engineProblem,
  fieldNamedIn,
  readFields,
  writeFields,
  type ConfigProblem,
  type FieldRule,
  type FieldValue,
  type ParseOutcome,
} from '../training-run/fields.ts';
import { createRng, MAX_SEED, type Rng } from '../training-run/rng.ts';
import { gradientAt, lossAt } from './surface.ts';

export type { ConfigProblem, FieldErrorKey, ParseOutcome } from '../training-run/fields.ts';

/** The optimizers a reader can pick. */
export const explorerOptimizers = ['sgd', 'momentum', 'adam'] as const;

/**
 * `'sgd'`: plain gradient descent, `SGD(lr)`; `'momentum'`: `SGD(lr, momentum=0.9)`;
 * `'adam'`: `Adam(lr)` with PyTorch's defaults (betas 0.9, 0.999; eps 1e-8).
 */
export type ExplorerOptimizer = (typeof explorerOptimizers)[number];

/** The learning-rate schedules a reader can pick. */
export const explorerSchedules = ['constant', 'cosine', 'warm-restarts'] as const;

/**
 * `'constant'`: no scheduler; `'cosine'`: `CosineAnnealingLR(T_max, eta_min)`;
 * `'warm-restarts'`: `CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)`.
 */
export type ExplorerSchedule = (typeof explorerSchedules)[number];

/** Momentum of the `'momentum'` optimizer. */
export const EXPLORER_MOMENTUM = 0.9;

/** Most steps a run may take. */
export const MAX_EXPLORER_STEPS = 10_000;

/** Largest |x₀|, |y₀| accepted for the start point. */
export const START_LIMIT = 10;

/** Largest learning rate, noise σ and `eta_min` accepted. */
export const MAX_RATE = 10;

/** Largest `T_mult` accepted (the engine itself accepts any integer ≥ 1). */
export const MAX_T_MULT = 10;

/**
 * A run of the explorer. The fields of every schedule are always present (so that switching
 * the schedule back and forth keeps what the reader typed); only the chosen schedule's are used.
 */
export interface ExplorerConfig {
  /** Start point. */
  readonly x0: number;
  readonly y0: number;
  /** Add the floor y⁴/4 to the surface (see {@link lossAt}). */
  readonly floor: boolean;
  readonly optimizer: ExplorerOptimizer;
  /** Initial learning rate. */
  readonly lr: number;
  readonly schedule: ExplorerSchedule;
  /** `CosineAnnealingLR`'s half period, in steps. */
  readonly T_max: number;
  /** `CosineAnnealingWarmRestarts`' first cycle length, in steps. */
  readonly T_0: number;
  /** `CosineAnnealingWarmRestarts`' cycle-length factor. */
  readonly T_mult: number;
  /** Lowest learning rate of both cosine schedules. */
  readonly eta_min: number;
  /** Standard deviation σ of the Gaussian noise added to each gradient component (0: none). */
  readonly sigma: number;
  /** Seed of the noise (an unsigned 32-bit integer). */
  readonly seed: number;
  /** Number of steps the run takes. */
  readonly steps: number;
}

/** A field of {@link ExplorerConfig}. */
export type ExplorerField = keyof ExplorerConfig;

/** The configuration a fresh explorer starts from. */
export const DEFAULT_EXPLORER_CONFIG: ExplorerConfig = {
  x0: 1,
  y0: 0.001,
  floor: true,
  optimizer: 'sgd',
  lr: 0.05,
  schedule: 'constant',
  T_max: 200,
  T_0: 25,
  T_mult: 2,
  eta_min: 0,
  sigma: 0,
  seed: 1,
  steps: 200,
};

/**
 * How each field is checked. `T_0` and `T_mult` are only checked to be numbers of sensible size
 * here: whether they are positive integers is the engine's check, reported with PyTorch's message.
 */
export const explorerFieldRules: Readonly<Record<ExplorerField, FieldRule>> = {
  x0: { kind: 'number', min: -START_LIMIT, max: START_LIMIT },
  y0: { kind: 'number', min: -START_LIMIT, max: START_LIMIT },
  floor: { kind: 'boolean' },
  optimizer: { kind: 'choice', choices: explorerOptimizers },
  lr: { kind: 'number', positive: true, max: MAX_RATE },
  schedule: { kind: 'choice', choices: explorerSchedules },
  T_max: { kind: 'number', integer: true, min: 1, max: MAX_EXPLORER_STEPS },
  T_0: { kind: 'number', max: MAX_EXPLORER_STEPS },
  T_mult: { kind: 'number', max: MAX_T_MULT },
  eta_min: { kind: 'number', min: 0, max: MAX_RATE },
  sigma: { kind: 'number', min: 0, max: MAX_RATE },
  seed: { kind: 'number', integer: true, min: 0, max: MAX_SEED },
  steps: { kind: 'number', integer: true, min: 1, max: MAX_EXPLORER_STEPS },
};

/** Words that name each engine-checked field in PyTorch's messages. */
const engineFields: ReadonlyArray<readonly [ExplorerField, readonly string[]]> = [
  ['T_0', ['T_0']],
  ['T_mult', ['T_mult']],
  ['eta_min', ['eta_min']],
  ['T_max', ['T_max']],
  ['lr', ['learning rate', 'lr']],
];

/**
 * Read an explorer configuration from untrusted input, e.g. the page's URL query or the
 * element's fields. Absent fields take {@link DEFAULT_EXPLORER_CONFIG}'s values; unknown keys
 * are ignored. Every present field is checked (finite number, whole number, range, choice; see
 * {@link explorerFieldRules}); when they all pass, the optimizer and the chosen scheduler are
 * constructed with the engine, and an error it throws (`ValueError` for `T_0` or `T_mult`)
 * becomes an `engine` problem carrying PyTorch's message. Never throws.
 *
 * @param input - A plain object, `URLSearchParams` or `Map` of field names to strings, numbers
 *   or booleans.
 * @param defaults - Values of absent fields (default {@link DEFAULT_EXPLORER_CONFIG}).
 * @returns The configuration, or every problem found.
 * @example
 * parseExplorerConfig({ schedule: 'warm-restarts', T_0: '0' });
 * // { ok: false, problems: [{ field: 'T_0', key: 'engine', values: { name: 'T_0' },
 * //   pytorch: 'ValueError: Expected positive integer T_0, but got 0' }] }
 */
export function parseExplorerConfig(
  input: unknown,
  defaults: ExplorerConfig = DEFAULT_EXPLORER_CONFIG,
): ParseOutcome<ExplorerConfig, ExplorerField> {
  const { values, problems } = readFields<ExplorerField>(
    input,
    explorerFieldRules,
    defaults as unknown as Record<ExplorerField, FieldValue>,
  );
  if (problems.length > 0) return { ok: false, problems };
  const config = values as unknown as ExplorerConfig;
  try {
    createRun(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const problem: ConfigProblem<ExplorerField> = engineProblem(
      fieldNamedIn(message, engineFields),
      error,
    );
    return { ok: false, problems: [problem] };
  }
  return { ok: true, config };
}

/**
 * Write a configuration as text fields, e.g. for a shareable URL:
 * `new URLSearchParams(serializeExplorerConfig(config))`. {@link parseExplorerConfig} reads the
 * result back to an equal configuration.
 *
 * @param config - A valid configuration.
 * @returns Every field as a string.
 */
export function serializeExplorerConfig(config: ExplorerConfig): Record<ExplorerField, string> {
  return writeFields(config as unknown as Record<string, FieldValue>) as Record<
    ExplorerField,
    string
  >;
}

/** The state of a run after `t` steps. */
export interface ExplorerPoint {
  /** Steps taken. */
  readonly t: number;
  readonly x: number;
  readonly y: number;
  /** f(x, y). */
  readonly loss: number;
  /** The exact (noise-free) gradient at (x, y). */
  readonly gx: number;
  readonly gy: number;
  /** ‖∇f(x, y)‖, of the exact gradient. */
  readonly gradNorm: number;
  /**
   * The learning rate the next step uses: `optimizer.paramGroups[0].lr` after `t` scheduler
   * steps (the configured `lr` at `t = 0`).
   */
  readonly lr: number;
}

/**
 * `'running'`: more steps to take; `'finished'`: `config.steps` steps taken; `'diverged'`: the
 * last step left the floating-point range (x, y or f became infinite or NaN), and that step's
 * point was not recorded.
 */
export type RunStatus = 'running' | 'finished' | 'diverged';

/** A run in progress. Treat every field as read-only; {@link step} advances it. */
export interface ExplorerRun {
  readonly config: ExplorerConfig;
  /** `points[t]` is the state after `t` steps; `points[0]` is the start. */
  readonly points: readonly ExplorerPoint[];
  readonly status: RunStatus;
  /** The engine's parameter `(x, y)`, updated in place by the optimizer. */
  readonly param: Param;
  readonly optimizer: Optimizer;
  /** `null` for the constant schedule. */
  readonly scheduler: LRScheduler | null;
  /** The noise stream. */
  readonly rng: Rng;
}

type MutableRun = { -readonly [K in keyof ExplorerRun]: ExplorerRun[K] } & {
  points: ExplorerPoint[];
};

function pointAt(t: number, x: number, y: number, floor: boolean, lr: number): ExplorerPoint {
  const [gx, gy] = gradientAt(x, y, floor);
  return { t, x, y, loss: lossAt(x, y, floor), gx, gy, gradNorm: Math.hypot(gx, gy), lr };
}

function buildOptimizer(config: ExplorerConfig, params: Param[]): Optimizer {
  switch (config.optimizer) {
    case 'sgd':
      return new SGD(params, { lr: config.lr });
    case 'momentum':
      return new SGD(params, { lr: config.lr, momentum: EXPLORER_MOMENTUM });
    case 'adam':
      return new Adam(params, { lr: config.lr });
  }
}

function buildScheduler(config: ExplorerConfig, optimizer: Optimizer): LRScheduler | null {
  switch (config.schedule) {
    case 'constant':
      return null;
    case 'cosine':
      return new CosineAnnealingLR(optimizer, { T_max: config.T_max, eta_min: config.eta_min });
    case 'warm-restarts':
      return new CosineAnnealingWarmRestarts(optimizer, {
        T_0: config.T_0,
        T_mult: config.T_mult,
        eta_min: config.eta_min,
      });
  }
}

/**
 * Start a run: the parameter `(x₀, y₀)`, the optimizer, the scheduler (whose construction sets
 * the epoch-0 learning rate, as in PyTorch) and the noise stream seeded with `config.seed`.
 * Cheap (a few small allocations), so resetting is just creating a new run.
 *
 * @param config - A configuration, normally from {@link parseExplorerConfig}.
 * @returns The run, with `points = [start]`.
 * @throws the engine's `ValueError` for invalid optimizer or scheduler options (never for a
 *   configuration {@link parseExplorerConfig} accepted).
 * @example
 * const run = createRun({ ...DEFAULT_EXPLORER_CONFIG, optimizer: 'adam', lr: 0.01 });
 */
export function createRun(config: ExplorerConfig): ExplorerRun {
  const param: Param = { data: Float64Array.of(config.x0, config.y0), grad: null };
  const optimizer = buildOptimizer(config, [param]);
  const scheduler = buildScheduler(config, optimizer);
  const lr = optimizer.paramGroups[0]!.lr;
  return {
    config,
    points: [pointAt(0, config.x0, config.y0, config.floor, lr)],
    status: config.steps > 0 ? 'running' : 'finished',
    param,
    optimizer,
    scheduler,
    rng: createRng(config.seed),
  };
}

/**
 * Take one step, as a PyTorch training loop would:
 *
 * ```text
 * g ← ∇f(x, y) + σ·(n₁, n₂)      n₁, n₂ ~ N(0, 1) from the run's stream (drawn only if σ > 0)
 * optimizer.step(); optimizer.zeroGrad(); scheduler.step()
 * ```
 *
 * and record the new point (position, loss, exact gradient, and the learning rate the next
 * step will use).
 *
 * @param run - The run; advanced in place.
 * @returns The new point, or `undefined` when the run had already finished or diverged, or
 *   diverges in this step (then `run.status` is `'diverged'`).
 * @example
 * while (step(run)) {}
 */
export function step(run: ExplorerRun): ExplorerPoint | undefined {
  const state = run as MutableRun;
  if (state.status !== 'running') return undefined;
  const { config, param, optimizer, scheduler, rng } = state;
  const data = param.data;
  let [gx, gy] = gradientAt(data[0]!, data[1]!, config.floor);
  if (config.sigma > 0) {
    gx += config.sigma * rng.normal();
    gy += config.sigma * rng.normal();
  }
  param.grad = Float64Array.of(gx, gy);
  optimizer.step();
  optimizer.zeroGrad();
  scheduler?.step();
  const t = state.points.length;
  const point = pointAt(t, data[0]!, data[1]!, config.floor, optimizer.paramGroups[0]!.lr);
  if (![point.x, point.y, point.loss, point.gradNorm].every(Number.isFinite)) {
    state.status = 'diverged';
    return undefined;
  }
  state.points.push(point);
  if (t >= config.steps) state.status = 'finished';
  return point;
}

/**
 * Take up to `count` steps (fewer if the run finishes or diverges).
 *
 * @param run - The run; advanced in place.
 * @param count - Most steps to take (default: all remaining).
 * @returns The points recorded by these steps.
 * @example
 * advance(run, 10).length; // 10, unless the run ended
 */
export function advance(run: ExplorerRun, count = Infinity): ExplorerPoint[] {
  const out: ExplorerPoint[] = [];
  for (let i = 0; i < count; i += 1) {
    const point = step(run);
    if (point === undefined) break;
    out.push(point);
  }
  return out;
}

/**
 * A fresh run with the same configuration (same seed, so the same trajectory again).
 *
 * @param run - Any run.
 * @returns A new run at `t = 0`.
 */
export function resetRun(run: ExplorerRun): ExplorerRun {
  return createRun(run.config);
}

/**
 * The first step at which the run has left the saddle along y: the smallest `t` with
 * `|y_t| > threshold`.
 *
 * @param points - Points of a run.
 * @param threshold - Distance from the x-axis that counts as escaped (default 0.5).
 * @returns The step, or `undefined` if the run has not escaped (yet).
 * @example
 * escapeStep(run.points); // e.g. 42
 */
export function escapeStep(points: readonly ExplorerPoint[], threshold = 0.5): number | undefined {
  return points.find((point) => Math.abs(point.y) > threshold)?.t;
}

export {
  classifyCritical,
  gradientAt,
  hessianAt,
  lossAt,
  symmetricEigen2,
  type CriticalKind,
  type Eigen2,
  type Symmetric2,
} from './surface.ts';
