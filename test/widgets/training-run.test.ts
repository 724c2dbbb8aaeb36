/**
 * The training-run widget's model: data generation and the train/validation split,
 * backpropagation against central finite differences on every parameter, learning on the
 * spirals, bit-for-bit determinism, learning rates equal to the engine's schedulers, the
 * decision grid, and reading the configuration from untrusted input.
 */
import { describe, expect, it } from 'vitest';
import {
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  SGD,
  type LRScheduler,
  type Param,
} from '../../src/scheduler/index.ts';
import {
  DATA_STREAM,
  generateDataset,
  makeSplit,
  SPIRAL_TURNS,
  type Dataset,
} from '../../src/widgets/training-run/data.ts';
import {
  createMlp,
  evaluateNet,
  lossAndGradient,
  predictInto,
  type Activation,
} from '../../src/widgets/training-run/mlp.ts';
import {
  createTraining,
  DATA_DOMAIN,
  decisionGrid,
  DEFAULT_TRAINING_CONFIG,
  parseTrainingConfig,
  serializeTrainingConfig,
  trainEpoch,
  type EpochMetrics,
  type TrainingConfig,
} from '../../src/widgets/training-run/model.ts';
import { createRng, deriveSeed } from '../../src/widgets/training-run/rng.ts';

const config = (overrides: Partial<TrainingConfig>): TrainingConfig => ({
  ...DEFAULT_TRAINING_CONFIG,
  ...overrides,
});

const train = (overrides: Partial<TrainingConfig>, epochs: number): EpochMetrics[] => {
  const state = createTraining(config(overrides));
  for (let i = 0; i < epochs; i += 1) trainEpoch(state);
  return [...state.history];
};

/** Every field of every epoch as its 64 bits, so that comparisons are bit for bit. */
const bits = (history: readonly EpochMetrics[]): string[] =>
  history.map((m) =>
    Object.values(m)
      .map((v: number) => {
        const view = new DataView(new ArrayBuffer(8));
        view.setFloat64(0, v);
        return view.getBigUint64(0).toString(16);
      })
      .join(' '),
  );

describe('data', () => {
  it('places noise-free spiral points at radius t on two arms half a turn apart', () => {
    const n = 40;
    const data = generateDataset('spirals', n, 0, createRng(1));
    expect(data.size).toBe(2 * n);
    for (let k = 0; k < data.size; k += 1) {
      const c = k < n ? 0 : 1;
      const t = ((k % n) + 0.5) / n;
      const theta = 2 * Math.PI * SPIRAL_TURNS * t + Math.PI * c;
      expect(data.labels[k]).toBe(c);
      expect(data.points[2 * k]).toBeCloseTo(t * Math.cos(theta), 15);
      expect(data.points[2 * k + 1]).toBeCloseTo(t * Math.sin(theta), 15);
    }
  });

  it('keeps both data sets inside the drawing domain', () => {
    for (const kind of ['spirals', 'moons'] as const) {
      const data = generateDataset(kind, 500, 0.1, createRng(2));
      const extent = Math.max(...data.points.map(Math.abs));
      expect(extent).toBeLessThan(DATA_DOMAIN[1]);
      expect(data.labels.filter((c) => c === 1).length).toBe(500);
    }
  });

  it('splits into disjoint training and validation sets that together are the whole set', () => {
    const options = { ...DEFAULT_TRAINING_CONFIG, pointsPerClass: 150 };
    const { train: trainSet, validation } = makeSplit(options);
    const all = generateDataset(
      options.dataset,
      options.pointsPerClass,
      options.noise,
      createRng(deriveSeed(options.seed, DATA_STREAM)),
    );
    expect(validation.size).toBe(Math.round(300 * options.validationFraction));
    expect(trainSet.size + validation.size).toBe(300);
    const trainIds = new Set(trainSet.ids);
    const validationIds = new Set(validation.ids);
    expect(trainIds.size).toBe(trainSet.size);
    expect(validationIds.size).toBe(validation.size);
    for (const id of validationIds) expect(trainIds.has(id)).toBe(false);
    expect(new Set([...trainIds, ...validationIds]).size).toBe(300);
    // The coordinates are disjoint too (noise makes every point distinct).
    const key = (set: Dataset, k: number) => `${set.points[2 * k]},${set.points[2 * k + 1]}`;
    const trainPoints = new Set(Array.from({ length: trainSet.size }, (_, k) => key(trainSet, k)));
    for (let k = 0; k < validation.size; k += 1) {
      expect(trainPoints.has(key(validation, k))).toBe(false);
    }
    // Each point is the generated point with its id, label included.
    for (const set of [trainSet, validation]) {
      set.ids.forEach((id, k) => {
        expect(set.labels[k]).toBe(all.labels[id]);
        expect(set.labels[k]).toBe(id < 150 ? 0 : 1);
        expect(key(set, k)).toBe(key(all, id));
      });
    }
  });

  it('shuffles before splitting: both classes appear in both sets', () => {
    const { train: trainSet, validation } = makeSplit(DEFAULT_TRAINING_CONFIG);
    for (const set of [trainSet, validation]) {
      const ones = set.labels.filter((c) => c === 1).length;
      expect(ones).toBeGreaterThan(set.size * 0.3);
      expect(ones).toBeLessThan(set.size * 0.7);
    }
  });
});

describe('backpropagation', () => {
  it.each(['tanh', 'relu'] as const)(
    'matches central finite differences on every parameter (%s)',
    (activation: Activation) => {
      const net = createMlp([2, 5, 4, 3], activation, createRng(5));
      // Non-zero biases, so their gradients are exercised away from the initial symmetry.
      net.params.forEach((p, k) => {
        for (let i = 0; i < p.data.length; i += 1)
          p.data[i] = p.data[i]! + 0.1 * Math.sin(3 * k + i);
      });
      const rng = createRng(9);
      const n = 8;
      const points = Float64Array.from({ length: 2 * n }, () => 2 * rng.uniform() - 1);
      const labels = Uint8Array.from({ length: n }, (_, i) => i % 3);
      const batch = Uint32Array.from({ length: n }, (_, i) => i);
      const { loss } = lossAndGradient(net, points, labels, batch);
      expect(loss).toBe(evaluateNet(net, points, labels).loss);
      const analytic = net.params.map((p) => Float64Array.from(p.grad!));
      const h = 1e-6;
      let checked = 0;
      net.params.forEach((p, k) => {
        for (let i = 0; i < p.data.length; i += 1) {
          const original = p.data[i]!;
          p.data[i] = original + h;
          const plus = evaluateNet(net, points, labels).loss;
          p.data[i] = original - h;
          const minus = evaluateNet(net, points, labels).loss;
          p.data[i] = original;
          const numeric = (plus - minus) / (2 * h);
          const exact = analytic[k]![i]!;
          const error =
            Math.abs(exact - numeric) / Math.max(Math.abs(exact), Math.abs(numeric), 1e-4);
          expect(error, `param ${k}[${i}]: ${exact} vs ${numeric}`).toBeLessThan(1e-6);
          checked += 1;
        }
      });
      expect(checked).toBe(2 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3);
    },
  );

  it('averages the batch: the gradient of a batch is the mean of per-point gradients', () => {
    const net = createMlp([2, 6, 2], 'tanh', createRng(8));
    const points = Float64Array.of(0.1, 0.2, -0.5, 0.4, 0.9, -0.3);
    const labels = Uint8Array.of(0, 1, 1);
    lossAndGradient(net, points, labels, Uint32Array.of(0, 1, 2));
    const batch = net.params.map((p) => Float64Array.from(p.grad!));
    const sum = net.params.map((p) => new Float64Array(p.data.length));
    for (const i of [0, 1, 2]) {
      lossAndGradient(net, points, labels, Uint32Array.of(i));
      net.params.forEach((p, k) => {
        const total = sum[k]!;
        p.grad!.forEach((g, j) => {
          total[j] = total[j]! + g / 3;
        });
      });
    }
    batch.forEach((g, k) => g.forEach((v, j) => expect(v).toBeCloseTo(sum[k]![j]!, 15)));
  });
});

describe('training', () => {
  it('learns the spirals: loss falls and validation accuracy rises over 60 epochs', () => {
    const history = train({}, 60);
    const first = history[0]!;
    const last = history.at(-1)!;
    // Two balanced classes: an untrained network is near log 2 and chance.
    expect(first.trainLoss).toBeGreaterThan(0.6);
    expect(last.trainLoss).toBeLessThan(first.trainLoss / 2);
    expect(last.valAccuracy).toBeGreaterThan(0.8);
    const mean = (ms: EpochMetrics[]) => ms.reduce((s, m) => s + m.trainLoss, 0) / ms.length;
    expect(mean(history.slice(40))).toBeLessThan(mean(history.slice(0, 20)));
  });

  it('learns the moons with tanh units too', () => {
    const history = train({ dataset: 'moons', activation: 'tanh', schedule: 'constant' }, 30);
    expect(history.at(-1)!.trainLoss).toBeLessThan(0.1);
    expect(history.at(-1)!.valAccuracy).toBeGreaterThan(0.95);
  });

  it('is deterministic: the same configuration gives the same metrics bit for bit', () => {
    const overrides = { schedule: 'warm-restarts', T_0: 5, T_mult: 2, batchSize: 24 } as const;
    const first = train(overrides, 25);
    const second = train(overrides, 25);
    expect(bits(second)).toEqual(bits(first));
    expect(bits(train({ ...overrides, seed: 2 }, 25))).not.toEqual(bits(first));
  });

  it('leaves one seed’s data untouched when only training options change', () => {
    const a = createTraining(config({ batchSize: 8, lr: 0.01 }));
    const b = createTraining(config({ batchSize: 64, lr: 0.2 }));
    expect(b.data).toEqual(a.data);
    expect(b.net.params).toEqual(a.net.params);
  });

  const schedules: ReadonlyArray<
    [string, Partial<TrainingConfig>, (opt: SGD) => LRScheduler | null]
  > = [
    ['constant', { schedule: 'constant' }, () => null],
    [
      'cosine',
      { schedule: 'cosine', epochs: 40, eta_min: 0.001 },
      (opt) => new CosineAnnealingLR(opt, { T_max: 40, eta_min: 0.001 }),
    ],
    [
      'warm restarts, T_mult 1',
      { schedule: 'warm-restarts', T_0: 7, T_mult: 1 },
      (opt) => new CosineAnnealingWarmRestarts(opt, { T_0: 7, T_mult: 1 }),
    ],
    [
      'warm restarts, T_mult 2',
      { schedule: 'warm-restarts', T_0: 3, T_mult: 2, eta_min: 0.01 },
      (opt) => new CosineAnnealingWarmRestarts(opt, { T_0: 3, T_mult: 2, eta_min: 0.01 }),
    ],
  ];

  it.each(schedules)(
    'reports the engine scheduler’s learning rate each epoch (%s)',
    (_, overrides, build) => {
      const epochs = 40;
      const history = train({ ...overrides, pointsPerClass: 20, lr: 0.05 }, epochs);
      const param: Param = { data: new Float64Array(1), grad: new Float64Array(1) };
      const optimizer = new SGD([param], { lr: 0.05, momentum: 0.9 });
      const scheduler = build(optimizer);
      for (const metrics of history) {
        expect(metrics.lrUsed).toBe(optimizer.paramGroups[0]!.lr);
        optimizer.step();
        scheduler?.step();
        expect(metrics.lr).toBe(optimizer.paramGroups[0]!.lr);
        if (scheduler) expect(metrics.lr).toBe(scheduler.getLastLr()[0]);
      }
    },
  );

  it('counts epochs and keeps the history', () => {
    const state = createTraining(config({ pointsPerClass: 20 }));
    const metrics = [trainEpoch(state), trainEpoch(state), trainEpoch(state)];
    expect(metrics.map((m) => m.epoch)).toEqual([1, 2, 3]);
    expect(state.epoch).toBe(3);
    expect(state.history).toEqual(metrics);
    for (const m of metrics) {
      for (const share of [m.trainAccuracy, m.valAccuracy]) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('decisionGrid', () => {
  it('gives the network’s class probabilities at the cell centres, bottom row first', () => {
    const state = createTraining(config({ pointsPerClass: 30 }));
    for (let i = 0; i < 5; i += 1) trainEpoch(state);
    const resolution = 12;
    const grid = decisionGrid(state, resolution);
    expect(grid.probabilities).toHaveLength(resolution * resolution * 2);
    const [lo, hi] = DATA_DOMAIN;
    const cell = (hi - lo) / resolution;
    const out = new Float64Array(2);
    for (let row = 0; row < resolution; row += 1) {
      for (let col = 0; col < resolution; col += 1) {
        const at = (row * resolution + col) * 2;
        const p0 = grid.probabilities[at]!;
        const p1 = grid.probabilities[at + 1]!;
        expect(p0 + p1).toBeCloseTo(1, 14);
        predictInto(state.net, lo + (col + 0.5) * cell, lo + (row + 0.5) * cell, out);
        expect([p0, p1]).toEqual([out[0], out[1]]);
      }
    }
  });

  it('rejects resolutions that are not whole numbers from 1 to 512', () => {
    const state = createTraining(config({ pointsPerClass: 10 }));
    for (const resolution of [0, -1, 2.5, 513, Number.NaN]) {
      expect(() => decisionGrid(state, resolution)).toThrow(RangeError);
    }
    expect(decisionGrid(state, 1).probabilities).toHaveLength(2);
  });
});

describe('parseTrainingConfig', () => {
  it('fills defaults and round-trips through text', () => {
    expect(parseTrainingConfig({})).toEqual({ ok: true, config: DEFAULT_TRAINING_CONFIG });
    const custom = config({
      dataset: 'moons',
      activation: 'tanh',
      nesterov: true,
      schedule: 'warm-restarts',
      T_0: 10,
      T_mult: 1,
      eta_min: 1e-4,
      seed: 4_000_000_000,
    });
    const text = new URLSearchParams(serializeTrainingConfig(custom)).toString();
    expect(parseTrainingConfig(new URLSearchParams(text))).toEqual({ ok: true, config: custom });
  });

  it('checks every field', () => {
    const outcome = parseTrainingConfig({
      dataset: 'circles',
      pointsPerClass: '3',
      hiddenUnits: '16.5',
      momentum: '1',
      T_mult: '3',
      nesterov: 'maybe',
    });
    expect(outcome).toEqual({
      ok: false,
      problems: [
        {
          field: 'dataset',
          key: 'notChoice',
          values: { name: 'dataset', choices: 'spirals, moons' },
        },
        { field: 'pointsPerClass', key: 'tooSmall', values: { name: 'pointsPerClass', min: 5 } },
        { field: 'hiddenUnits', key: 'notInteger', values: { name: 'hiddenUnits' } },
        { field: 'momentum', key: 'tooLarge', values: { name: 'momentum', max: 0.999 } },
        { field: 'nesterov', key: 'notBoolean', values: { name: 'nesterov' } },
        { field: 'T_mult', key: 'tooLarge', values: { name: 'T_mult', max: 2 } },
      ],
    });
  });

  const engineError = (build: () => unknown): string => {
    try {
      build();
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
    throw new Error('the engine accepted it');
  };
  const standIn = (): Param[] => [{ data: new Float64Array(1), grad: null }];

  it('surfaces the engine’s ValueErrors with PyTorch’s messages', () => {
    expect(parseTrainingConfig({ momentum: '0', nesterov: 'true' })).toEqual({
      ok: false,
      problems: [
        {
          field: 'nesterov',
          key: 'engine',
          values: { name: 'nesterov' },
          pytorch: engineError(() => new SGD(standIn(), { lr: 0.1, momentum: 0, nesterov: true })),
        },
      ],
    });
    expect(parseTrainingConfig({ schedule: 'warm-restarts', T_mult: '1.5' })).toEqual({
      ok: false,
      problems: [
        {
          field: 'T_mult',
          key: 'engine',
          values: { name: 'T_mult' },
          pytorch: engineError(
            () => new CosineAnnealingWarmRestarts(new SGD(standIn()), { T_0: 25, T_mult: 1.5 }),
          ),
        },
      ],
    });
    expect(parseTrainingConfig({ schedule: 'warm-restarts', T_0: '0' })).toMatchObject({
      ok: false,
      problems: [{ field: 'T_0', key: 'engine' }],
    });
  });
});
