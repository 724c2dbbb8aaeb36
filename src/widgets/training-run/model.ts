/**
 * The pure model of the training-run widget: a small MLP trained on a seeded two-class data set
 * (spirals or moons) with the engine's `SGD` and a learning-rate schedule from the engine,
 * epoch by epoch, reporting loss, accuracy and learning rate per epoch and the class
 * probabilities over the plane for drawing the decision boundary. Numbers only; `worker.ts`
 * runs it off the main thread and the custom element draws it.
 *
 * Everything is determined by the configuration and its seed: the same configuration gives the
 * same metrics bit for bit, run after run, on one JavaScript engine.
 *
 * @example
 * const parsed = parseTrainingConfig({ schedule: 'cosine', epochs: '100' });
 * if (parsed.ok) {
 *   const state = createTraining(parsed.config);
 *   while (state.epoch < state.config.epochs) trainEpoch(state);
 *   decisionGrid(state, 64).probabilities;
 * }
 *
 * @module
 */
import {
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  SGD,
  type LRScheduler,
  type Param,
} from '../../scheduler/index.ts';
import {
  CLASSES,
  DATA_DOMAIN,
  datasetKinds,
  makeSplit,
  type DatasetKind,
  type Split,
} from './data.ts';
import {
  engineProblem,
  fieldNamedIn,
  readFields,
  writeFields,
  type FieldRule,
  type FieldValue,
  type ParseOutcome,
} from './fields.ts';
import {
  activations,
  createMlp,
  createWorkspace,
  evaluateNet,
  lossAndGradient,
  predictInto,
  type Activation,
  type Mlp,
  type Workspace,
} from './mlp.ts';
import { createRng, deriveSeed, MAX_SEED, shuffle, type Rng } from './rng.ts';

export type { ConfigProblem, FieldErrorKey, ParseOutcome } from './fields.ts';
export { CLASSES, DATA_DOMAIN, datasetKinds, type DatasetKind } from './data.ts';
export { activations, type Activation } from './mlp.ts';

/** The learning-rate schedules a reader can pick. */
export const trainingSchedules = ['constant', 'cosine', 'warm-restarts'] as const;

/**
 * `'constant'`: no scheduler; `'cosine'`: `CosineAnnealingLR(T_max=epochs, eta_min)`;
 * `'warm-restarts'`: `CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)`. All are stepped once
 * per epoch, after the epoch's batches.
 */
export type TrainingSchedule = (typeof trainingSchedules)[number];

/** Most epochs a run may take. */
export const MAX_EPOCHS = 2000;

/** Largest `T_mult` accepted (the engine checks it is an integer ≥ 1). */
export const MAX_TRAINING_T_MULT = 2;

/** A training run. */
export interface TrainingConfig {
  readonly dataset: DatasetKind;
  /** Points generated per class. */
  readonly pointsPerClass: number;
  /** Standard deviation of the Gaussian noise on each coordinate. */
  readonly noise: number;
  /** Share of the points held out for validation. */
  readonly validationFraction: number;
  /** Seed of the data, the initial weights and the batch order (unsigned 32-bit integer). */
  readonly seed: number;
  /** Number of hidden layers. */
  readonly hiddenLayers: number;
  /** Units in each hidden layer. */
  readonly hiddenUnits: number;
  readonly activation: Activation;
  /** Points per mini-batch (the last batch of an epoch may be smaller). */
  readonly batchSize: number;
  /** Length of the run; also `CosineAnnealingLR`'s `T_max`. */
  readonly epochs: number;
  /** SGD's initial learning rate. */
  readonly lr: number;
  /** SGD's momentum. */
  readonly momentum: number;
  /** SGD's Nesterov momentum (needs `momentum > 0`). */
  readonly nesterov: boolean;
  /** SGD's weight decay (L2 penalty). */
  readonly weight_decay: number;
  readonly schedule: TrainingSchedule;
  /** `CosineAnnealingWarmRestarts`' first cycle, in epochs. */
  readonly T_0: number;
  /** `CosineAnnealingWarmRestarts`' cycle-length factor: 1 or 2. */
  readonly T_mult: number;
  /** Lowest learning rate of both cosine schedules. */
  readonly eta_min: number;
}

/** A field of {@link TrainingConfig}. */
export type TrainingField = keyof TrainingConfig;

/**
 * The configuration a fresh widget starts from: a 2-16-16-2 ReLU network on the spirals, SGD with
 * momentum 0.9 and cosine annealing over 200 epochs (which ends clearly better than a constant
 * rate of 0.1 on this data; tanh units learn the spirals far more slowly).
 */
export const DEFAULT_TRAINING_CONFIG: TrainingConfig = {
  dataset: 'spirals',
  pointsPerClass: 200,
  noise: 0.05,
  validationFraction: 0.2,
  seed: 1,
  hiddenLayers: 2,
  hiddenUnits: 16,
  activation: 'relu',
  batchSize: 32,
  epochs: 200,
  lr: 0.1,
  momentum: 0.9,
  nesterov: false,
  weight_decay: 0,
  schedule: 'cosine',
  T_0: 25,
  T_mult: 2,
  eta_min: 0,
};

/**
 * How each field is checked. `T_0`, `T_mult` and `nesterov` get only these checks here; the
 * engine's own checks (positive integer `T_0`, integer `T_mult ≥ 1`, Nesterov needs momentum)
 * are reported with PyTorch's messages.
 */
export const trainingFieldRules: Readonly<Record<TrainingField, FieldRule>> = {
  dataset: { kind: 'choice', choices: datasetKinds },
  pointsPerClass: { kind: 'number', integer: true, min: 5, max: 2000 },
  noise: { kind: 'number', min: 0, max: 0.5 },
  validationFraction: { kind: 'number', min: 0.05, max: 0.5 },
  seed: { kind: 'number', integer: true, min: 0, max: MAX_SEED },
  hiddenLayers: { kind: 'number', integer: true, min: 1, max: 4 },
  hiddenUnits: { kind: 'number', integer: true, min: 1, max: 64 },
  activation: { kind: 'choice', choices: activations },
  batchSize: { kind: 'number', integer: true, min: 1, max: 4000 },
  epochs: { kind: 'number', integer: true, min: 1, max: MAX_EPOCHS },
  lr: { kind: 'number', positive: true, max: 10 },
  momentum: { kind: 'number', min: 0, max: 0.999 },
  nesterov: { kind: 'boolean' },
  weight_decay: { kind: 'number', min: 0, max: 1 },
  schedule: { kind: 'choice', choices: trainingSchedules },
  T_0: { kind: 'number', max: MAX_EPOCHS },
  T_mult: { kind: 'number', max: MAX_TRAINING_T_MULT },
  eta_min: { kind: 'number', min: 0, max: 10 },
};

const engineFields: ReadonlyArray<readonly [TrainingField, readonly string[]]> = [
  ['T_0', ['T_0']],
  ['T_mult', ['T_mult']],
  ['eta_min', ['eta_min']],
  ['nesterov', ['Nesterov']],
  ['momentum', ['momentum']],
  ['weight_decay', ['weight_decay']],
  ['lr', ['learning rate', 'lr']],
];

/**
 * The engine's optimizer for a configuration:
 * `SGD(params, lr, momentum, nesterov, weight_decay)`.
 *
 * @param config - The configuration.
 * @param params - The network's parameters.
 * @returns The optimizer.
 * @throws the engine's `ValueError` for invalid options.
 */
export function buildOptimizer(config: TrainingConfig, params: readonly Param[]): SGD {
  return new SGD(params, {
    lr: config.lr,
    momentum: config.momentum,
    nesterov: config.nesterov,
    weight_decay: config.weight_decay,
  });
}

/**
 * The engine's scheduler for a configuration (see {@link TrainingSchedule}); constructing it
 * writes the epoch-0 learning rate into the optimizer, as in PyTorch.
 *
 * @param config - The configuration.
 * @param optimizer - The optimizer to schedule.
 * @returns The scheduler, or `null` for the constant schedule.
 * @throws the engine's `ValueError` for invalid `T_0` or `T_mult`.
 */
export function buildScheduler(config: TrainingConfig, optimizer: SGD): LRScheduler | null {
  switch (config.schedule) {
    case 'constant':
      return null;
    case 'cosine':
      return new CosineAnnealingLR(optimizer, { T_max: config.epochs, eta_min: config.eta_min });
    case 'warm-restarts':
      return new CosineAnnealingWarmRestarts(optimizer, {
        T_0: config.T_0,
        T_mult: config.T_mult,
        eta_min: config.eta_min,
      });
  }
}

/**
 * Read a training configuration from untrusted input (URL query, the element's fields, a
 * worker message). Absent fields take `defaults`; unknown keys are ignored. Every present field
 * is checked against {@link trainingFieldRules}; when all pass, the optimizer and scheduler are
 * constructed with the engine on a stand-in parameter, and an error the engine throws becomes an
 * `engine` problem with PyTorch's message. Never throws.
 *
 * @param input - A plain object, `URLSearchParams` or `Map` of field names to strings, numbers
 *   or booleans.
 * @param defaults - Values of absent fields (default {@link DEFAULT_TRAINING_CONFIG}).
 * @returns The configuration, or every problem found.
 * @example
 * parseTrainingConfig({ momentum: '0', nesterov: 'true' });
 * // { ok: false, problems: [{ field: 'nesterov', key: 'engine', values: { name: 'nesterov' },
 * //   pytorch: 'ValueError: Nesterov momentum requires a momentum and zero dampening' }] }
 */
export function parseTrainingConfig(
  input: unknown,
  defaults: TrainingConfig = DEFAULT_TRAINING_CONFIG,
): ParseOutcome<TrainingConfig, TrainingField> {
  const { values, problems } = readFields<TrainingField>(
    input,
    trainingFieldRules,
    defaults as unknown as Record<TrainingField, FieldValue>,
  );
  if (problems.length > 0) return { ok: false, problems };
  const config = values as unknown as TrainingConfig;
  try {
    const standIn: Param = { data: new Float64Array(1), grad: null };
    buildScheduler(config, buildOptimizer(config, [standIn]));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [engineProblem(fieldNamedIn(message, engineFields), error)] };
  }
  return { ok: true, config };
}

/**
 * Write a configuration as text fields (e.g. a URL query); {@link parseTrainingConfig} reads the
 * result back to an equal configuration.
 *
 * @param config - A valid configuration.
 * @returns Every field as a string.
 */
export function serializeTrainingConfig(config: TrainingConfig): Record<TrainingField, string> {
  return writeFields(config as unknown as Record<string, FieldValue>) as Record<
    TrainingField,
    string
  >;
}

/** What one epoch did. */
export interface EpochMetrics {
  /** Epochs completed (1 after the first call to {@link trainEpoch}). */
  readonly epoch: number;
  /** Mean cross-entropy over the epoch's batches, each point counted once (weights moving). */
  readonly trainLoss: number;
  /** Share of training points classified correctly as their batch was seen. */
  readonly trainAccuracy: number;
  /** Mean cross-entropy on the validation set after the epoch. */
  readonly valLoss: number;
  /** Share of validation points classified correctly after the epoch. */
  readonly valAccuracy: number;
  /** The learning rate this epoch's batches used. */
  readonly lrUsed: number;
  /**
   * `optimizer.paramGroups[0].lr` after this epoch's `scheduler.step()`: the rate of the next
   * epoch, and what `scheduler.getLastLr()[0]` returns.
   */
  readonly lr: number;
}

/** A training run in progress. Treat every field as read-only; {@link trainEpoch} advances it. */
export interface TrainingState {
  readonly config: TrainingConfig;
  readonly data: Split;
  readonly net: Mlp;
  readonly optimizer: SGD;
  readonly scheduler: LRScheduler | null;
  /** Epochs completed. */
  readonly epoch: number;
  /** Metrics of every completed epoch, in order. */
  readonly history: readonly EpochMetrics[];
  /** The stream that shuffles the training set at the start of each epoch. */
  readonly batchRng: Rng;
  /** The training set's visiting order (positions in `data.train`), reshuffled every epoch. */
  readonly order: Uint32Array;
  readonly workspace: Workspace;
}

type MutableState = { -readonly [K in keyof TrainingState]: TrainingState[K] } & {
  history: EpochMetrics[];
};

/** Sub-stream of the seed that initialises the weights. */
export const INIT_STREAM = 2;
/** Sub-stream of the seed that orders the batches. */
export const BATCH_STREAM = 3;

/**
 * Set up a run: the data split ({@link makeSplit}), the network `2 → hiddenUnits × hiddenLayers
 * → 2` with weights from sub-stream {@link INIT_STREAM} of the seed, the optimizer and the
 * scheduler. Takes well under a millisecond for the default configuration.
 *
 * @param config - A configuration, normally from {@link parseTrainingConfig}.
 * @returns The run at epoch 0.
 * @throws the engine's `ValueError` for invalid optimizer or scheduler options (never for a
 *   configuration {@link parseTrainingConfig} accepted).
 * @example
 * const state = createTraining(DEFAULT_TRAINING_CONFIG);
 */
export function createTraining(config: TrainingConfig): TrainingState {
  const data = makeSplit(config);
  const sizes = [
    2,
    ...Array.from({ length: config.hiddenLayers }, () => config.hiddenUnits),
    CLASSES,
  ];
  const net = createMlp(sizes, config.activation, createRng(deriveSeed(config.seed, INIT_STREAM)));
  const optimizer = buildOptimizer(config, net.params);
  const scheduler = buildScheduler(config, optimizer);
  return {
    config,
    data,
    net,
    optimizer,
    scheduler,
    epoch: 0,
    history: [],
    batchRng: createRng(deriveSeed(config.seed, BATCH_STREAM)),
    order: Uint32Array.from({ length: data.train.size }, (_, i) => i),
    workspace: createWorkspace(net),
  };
}

/**
 * Train one epoch, as a PyTorch loop with per-epoch scheduling does:
 *
 * ```text
 * shuffle the training set (Fisher–Yates, batch stream)
 * for each mini-batch: loss.backward(); optimizer.step(); optimizer.zeroGrad()
 * scheduler.step()
 * evaluate on the validation set
 * ```
 *
 * Per-epoch (not per-batch) scheduling keeps the learning-rate curve the same as the one the
 * articles draw with `ScheduleChart` for the same number of epochs. The state keeps going past
 * `config.epochs` if called again (the schedule continues as PyTorch's would); callers stop there.
 *
 * @param state - The run; advanced in place.
 * @returns The epoch's metrics (also appended to `state.history`). A diverging run gives
 *   non-finite losses.
 * @example
 * const { trainLoss, valAccuracy, lr } = trainEpoch(state);
 */
export function trainEpoch(state: TrainingState): EpochMetrics {
  const run = state as MutableState;
  const { config, data, net, optimizer, scheduler, order, workspace } = run;
  const group = optimizer.paramGroups[0]!;
  const lrUsed = group.lr;
  shuffle(order, run.batchRng);
  const train = data.train;
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < order.length; start += config.batchSize) {
    const batch = order.subarray(start, Math.min(order.length, start + config.batchSize));
    const result = lossAndGradient(net, train.points, train.labels, batch, workspace);
    lossSum += result.loss * batch.length;
    correct += result.correct;
    optimizer.step();
    optimizer.zeroGrad();
  }
  scheduler?.step();
  const validation = evaluateNet(
    net,
    data.validation.points,
    data.validation.labels,
    undefined,
    workspace,
  );
  run.epoch += 1;
  const metrics: EpochMetrics = {
    epoch: run.epoch,
    trainLoss: lossSum / order.length,
    trainAccuracy: correct / order.length,
    valLoss: validation.loss,
    valAccuracy: validation.accuracy,
    lrUsed,
    lr: group.lr,
  };
  run.history.push(metrics);
  return metrics;
}

/** Class probabilities at the centres of a square grid of cells over {@link DATA_DOMAIN}. */
export interface DecisionGrid {
  /** Cells per side. */
  readonly resolution: number;
  /** `[lo, hi]` of both coordinates. */
  readonly domain: readonly [number, number];
  /** Number of classes per cell. */
  readonly classes: number;
  /**
   * `probabilities[(row·resolution + col)·classes + k]` is p(class k) at the centre of cell
   * (col, row): `x = lo + (col + ½)·(hi − lo)/resolution`, and likewise y for the row, so row 0
   * is the bottom row (smallest y).
   */
  readonly probabilities: Float64Array<ArrayBuffer>;
}

/** Largest grid resolution {@link decisionGrid} computes. */
export const MAX_GRID_RESOLUTION = 512;

/**
 * The network's class probabilities over the data's square, for drawing the decision boundary
 * (where p(class 1) crosses ½) and the confidence around it.
 *
 * @param state - The run.
 * @param resolution - Cells per side, an integer in `[1, MAX_GRID_RESOLUTION]`.
 * @returns The grid.
 * @throws {RangeError} for any other resolution.
 * @example
 * const grid = decisionGrid(state, 64);
 * grid.probabilities[1]; // p(class 1) in the bottom-left cell
 */
export function decisionGrid(state: TrainingState, resolution: number): DecisionGrid {
  if (!Number.isInteger(resolution) || resolution < 1 || resolution > MAX_GRID_RESOLUTION) {
    throw new RangeError(`grid resolution must be an integer from 1 to ${MAX_GRID_RESOLUTION}`);
  }
  const [lo, hi] = DATA_DOMAIN;
  const cell = (hi - lo) / resolution;
  const probabilities = new Float64Array(resolution * resolution * CLASSES);
  const out = new Float64Array(CLASSES);
  for (let row = 0; row < resolution; row += 1) {
    const y = lo + (row + 0.5) * cell;
    for (let col = 0; col < resolution; col += 1) {
      predictInto(state.net, lo + (col + 0.5) * cell, y, out, state.workspace);
      probabilities.set(out, (row * resolution + col) * CLASSES);
    }
  }
  return { resolution, domain: DATA_DOMAIN, classes: CLASSES, probabilities };
}
