/**
 * The training-run widget's view helpers: number formats, the setup and outcome sentences, the
 * chart points and warm-restart marks, the build-time chart's geometry, and the decision-region
 * picture and boundary line drawn from a decision grid. Expected values are worked out by hand
 * from small made-up histories and grids, never read from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { useTrainingRunTranslations } from '../../src/i18n/widgets/training-run.ts';
import {
  DEFAULT_TRAINING_CONFIG,
  parseTrainingConfig,
  type DecisionGrid,
  type EpochMetrics,
} from '../../src/widgets/training-run/model.ts';
import {
  bestEpoch,
  boundaryLines,
  epochPoints,
  epochStatus,
  fallbackChart,
  formatAccuracy,
  hexColour,
  historySummary,
  problemMessage,
  regionPixels,
  restartEpochs,
  setupSummary,
} from '../../src/widgets/training-run/view.ts';

const en = useTrainingRunTranslations('en');
const zh = useTrainingRunTranslations('zh-cn');

function metrics(epoch: number, trainLoss: number, valAccuracy: number, lrUsed: number) {
  return {
    epoch,
    trainLoss,
    trainAccuracy: valAccuracy,
    valLoss: trainLoss,
    valAccuracy,
    lrUsed,
    lr: lrUsed,
  } satisfies EpochMetrics;
}

/** Ten epochs: loss from 1 down to 0.01, accuracy peaking at epochs 4 and 8, restarts at 5 and 9. */
const history: EpochMetrics[] = [
  metrics(1, 1, 0.5, 0.1),
  metrics(2, 0.5, 0.6, 0.075),
  metrics(3, 0.2, 0.7, 0.05),
  metrics(4, 0.1, 0.9, 0.025),
  metrics(5, 0.2, 0.8, 0.1),
  metrics(6, 0.1, 0.85, 0.075),
  metrics(7, 0.05, 0.88, 0.05),
  metrics(8, 0.02, 0.9, 0.025),
  metrics(9, 0.03, 0.85, 0.1),
  metrics(10, 0.01, 0.875, 0.075),
];

describe('formats and sentences', () => {
  it('writes accuracies as percentages with at most one decimal', () => {
    expect(formatAccuracy('en', 0.975)).toBe('97.5%');
    expect(formatAccuracy('en', 0.98765)).toBe('98.8%');
    expect(formatAccuracy('zh-cn', 0.5)).toBe('50%');
  });

  it('describes the default setup', () => {
    expect(setupSummary(en, 'en', DEFAULT_TRAINING_CONFIG)).toBe(
      'A network with 2 hidden layers of 16 units learns to separate two interleaved spirals (400 points), trained with SGD (momentum 0.9) from learning rate 0.1, annealed with CosineAnnealingLR, for 200 epochs with seed 1.',
    );
    expect(
      setupSummary(zh, 'zh-cn', {
        ...DEFAULT_TRAINING_CONFIG,
        schedule: 'warm-restarts',
        T_0: 25,
        T_mult: 1,
      }),
    ).toBe(
      '一个有 2 个隐藏层、每层 16 个单元的网络学习区分两条交错的螺旋线（共 400 个点），用 SGD（动量 0.9）训练，初始学习率 0.1，用 CosineAnnealingWarmRestarts（T_0=25, T_mult=1）调度，共 200 轮，随机种子 1。',
    );
  });

  it('finds the best epoch, the earliest on ties, with the learning rate it trained at', () => {
    expect(bestEpoch([])).toBeUndefined();
    expect(bestEpoch(history)?.epoch).toBe(4);
    expect(historySummary(en, 'en', history)).toBe(
      'Best validation accuracy: 90% at epoch 4, with learning rate 0.025. After epoch 10: training loss 0.01, validation accuracy 87.5%.',
    );
    expect(historySummary(en, 'en', [])).toBe('');
  });

  it('reports an epoch', () => {
    expect(epochStatus(en, 'en', history[6]!, 200)).toBe(
      'Epoch 7 of 200: training loss 0.05, validation accuracy 88%, learning rate 0.05.',
    );
    expect(epochStatus(zh, 'zh-cn', history[6]!, 200)).toBe(
      '第 7 轮（共 200 轮）：训练损失 0.05，验证精度 88%，学习率 0.05。',
    );
  });

  it('explains a rejected field by its label, with PyTorch’s message kept apart', () => {
    const bad = parseTrainingConfig({ lr: '-1', epochs: '2.5' });
    if (bad.ok) throw new Error('accepted');
    expect(bad.problems.map((problem) => problemMessage(en, 'en', problem))).toEqual([
      'Epochs must be a whole number.',
      'Learning rate must be greater than 0.',
    ]);
    const engine = parseTrainingConfig({ schedule: 'warm-restarts', T_0: '0' });
    if (engine.ok) throw new Error('accepted');
    expect(problemMessage(zh, 'zh-cn', engine.problems[0]!)).toBe('PyTorch 不接受“T_0”的这个值。');
    expect(engine.problems[0]!.pytorch).toBe(
      'ValueError: Expected positive integer T_0, but got 0',
    );
  });
});

describe('the chart', () => {
  it('plots each epoch at its number, with gaps where the loss cannot go on a log axis', () => {
    expect(epochPoints(history[0]!)).toEqual({
      trainLoss: { x: 1, y: 1 },
      valAccuracy: { x: 1, y: 0.5 },
      lr: { x: 1, y: 0.1 },
    });
    expect(epochPoints(metrics(3, NaN, 0.5, 0.1)).trainLoss.y).toBeNaN();
    expect(epochPoints(metrics(3, 0, 0.5, 0.1)).trainLoss.y).toBeNaN();
  });

  it('marks the epochs whose learning rate jumped up', () => {
    expect(restartEpochs(history)).toEqual([5, 9]);
    expect(restartEpochs(history.slice(0, 4))).toEqual([]);
  });

  it('lays out three panels over the epochs, the loss on powers of ten', () => {
    const chart = fallbackChart(history, 10);
    expect(chart.panels.map((panel) => panel.key)).toEqual([
      'axis.trainLoss',
      'axis.valAccuracy',
      'axis.lr',
    ]);
    const [loss, accuracy, lr] = chart.panels;
    // Losses from 0.01 to 1: decades −2 to 0, one tick each, from the bottom up.
    expect(loss!.ticks.map((tick) => tick.value)).toEqual([0.01, 0.1, 1]);
    expect(loss!.ticks[0]!.pos).toBe(loss!.bottom);
    expect(loss!.ticks[2]!.pos).toBe(loss!.top);
    expect(loss!.ticks[1]!.pos).toBe((loss!.top + loss!.bottom) / 2);
    // Accuracy from 0.5 up to 1, in steps of 0.2 (0.5 / 4 rounded up to 1, 2 or 5 × 10ⁿ): the
    // panel starts at the tick below 0.5.
    expect(accuracy!.ticks[0]!.value).toBe(0.4);
    expect(accuracy!.ticks.at(-1)!.value).toBe(1);
    expect(lr!.ticks[0]!.value).toBe(0);
    // The x axis maps epochs 0…10 onto 64…624.
    expect(chart.restarts).toEqual([64 + 0.5 * 560, 64 + 0.9 * 560]);
    expect(loss!.line.split(' ')).toHaveLength(10);
    expect(loss!.line.split(' ')[0]).toBe(`${64 + 56},${loss!.top}`);
  });
});

describe('the decision regions', () => {
  /** A 2 × 2 grid over [−1.5, 1.5]², rows from the bottom, with p(class 1) given per cell. */
  function grid(p1: number[]): DecisionGrid {
    return {
      resolution: 2,
      domain: [-1.5, 1.5],
      classes: 2,
      probabilities: Float64Array.from(p1.flatMap((p) => [1 - p, p])),
    };
  }

  it('reads CSS hex colours', () => {
    expect(hexColour('#0072b2')).toEqual([0, 114, 178]);
    expect(hexColour(' #fff ')).toEqual([255, 255, 255]);
    expect(hexColour('rgb(0, 0, 0)')).toBeUndefined();
  });

  it('colours each cell by its likelier class, more opaque the surer, top row first', () => {
    const colours = [
      [10, 20, 30],
      [200, 100, 50],
    ] as const;
    // Bottom row: p1 = 0 and 1; top row: p1 = 0.5 and 0.75.
    const pixels = regionPixels(grid([0, 1, 0.5, 0.75]), colours);
    const pixel = (i: number) => Array.from(pixels.slice(4 * i, 4 * i + 4));
    // Top-left: p1 = ½ counts as class 1, least sure: α = 255 × 0.12.
    expect(pixel(0)).toEqual([200, 100, 50, Math.round(255 * 0.12)]);
    // Top-right: p1 = ¾: α = 255 × (0.12 + 0.5 × 0.5).
    expect(pixel(1)).toEqual([200, 100, 50, Math.round(255 * 0.37)]);
    // Bottom-left: surely class 0; bottom-right: surely class 1.
    expect(pixel(2)).toEqual([10, 20, 30, Math.round(255 * 0.62)]);
    expect(pixel(3)).toEqual([200, 100, 50, Math.round(255 * 0.62)]);
  });

  it('traces the boundary where p(class 1) crosses ½', () => {
    // Left column class 0, right column class 1: the boundary is the line x = 0.
    const lines = boundaryLines(grid([0, 1, 0, 1]));
    expect(lines).toHaveLength(1);
    for (const [x] of lines[0]!) expect(x).toBeCloseTo(0, 12);
    expect(lines[0]!.map(([, y]) => y).sort((a, b) => a - b)).toEqual([-0.75, 0.75]);
  });
});
