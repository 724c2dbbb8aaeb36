/**
 * The chart of every scheduler page (`content/docs/<locale>/schedulers/<kebab-name>.mdx`), keyed
 * by class name: one definition for the page's live chart (`<ScheduleChart {...galleryCharts.X} />`,
 * in both languages) and its thumbnail on the gallery overview. The settings are those of the
 * page's program, `content/snippets/gallery/<kebab-name>.{py,ts}`; `test/gallery/` checks that
 * each chart draws what that program prints.
 *
 * @module
 */
import type { ScheduleChartProps } from '../widgets/schedule-chart/model.ts';

export const galleryCharts = {
  LambdaLR: {
    scheduler: 'LambdaLR',
    options: {
      lr_lambda: (epoch: number) => Math.min((epoch + 1) / 5, Math.sqrt(5 / (epoch + 1))),
    },
    lr: 0.1,
    epochs: 20,
  },
  MultiplicativeLR: {
    scheduler: 'MultiplicativeLR',
    options: { lr_lambda: (epoch: number) => (epoch <= 5 ? 0.8 : 0.97) },
    lr: 0.1,
    epochs: 20,
  },
  StepLR: { scheduler: 'StepLR', options: { step_size: 5, gamma: 0.5 }, lr: 0.1, epochs: 20 },
  MultiStepLR: {
    scheduler: 'MultiStepLR',
    options: { milestones: [8, 14], gamma: 0.2 },
    lr: 0.1,
    epochs: 20,
  },
  ConstantLR: {
    scheduler: 'ConstantLR',
    options: { factor: 0.25, total_iters: 5 },
    lr: 0.1,
    epochs: 12,
  },
  LinearLR: {
    scheduler: 'LinearLR',
    options: { start_factor: 0.2, end_factor: 1.0, total_iters: 8 },
    lr: 0.1,
    epochs: 12,
  },
  ExponentialLR: { scheduler: 'ExponentialLR', options: { gamma: 0.85 }, lr: 0.1, epochs: 20 },
  PolynomialLR: {
    scheduler: 'PolynomialLR',
    options: { total_iters: 15, power: 2.0 },
    lr: 0.1,
    epochs: 20,
  },
  CosineAnnealingLR: {
    scheduler: 'CosineAnnealingLR',
    options: { T_max: 20, eta_min: 0.01 },
    lr: 0.1,
    epochs: 20,
  },
  CosineAnnealingWarmRestarts: {
    scheduler: 'CosineAnnealingWarmRestarts',
    options: { T_0: 4, T_mult: 2, eta_min: 0.001 },
    lr: 0.1,
    epochs: 28,
    markRestarts: true,
  },
  CyclicLR: {
    scheduler: 'CyclicLR',
    options: { base_lr: 0.01, max_lr: 0.1, step_size_up: 4, mode: 'triangular2' },
    lr: 0.1,
    epochs: 4,
    stepsPerEpoch: 6,
  },
  OneCycleLR: {
    scheduler: 'OneCycleLR',
    options: { max_lr: 0.1, total_steps: 24 },
    lr: 0.1,
    epochs: 4,
    stepsPerEpoch: 6,
  },
  ReduceLROnPlateau: {
    scheduler: 'ReduceLROnPlateau',
    options: { mode: 'min', factor: 0.5, patience: 2, cooldown: 1, min_lr: 0.01 },
    lr: 0.1,
    epochs: 20,
  },
  SequentialLR: {
    scheduler: 'SequentialLR',
    options: {
      schedulers: [
        { scheduler: 'LinearLR', options: { start_factor: 0.2, total_iters: 4 } },
        { scheduler: 'ExponentialLR', options: { gamma: 0.85 } },
      ],
      milestones: [4],
    },
    lr: 0.1,
    epochs: 20,
  },
  ChainedScheduler: {
    scheduler: 'ChainedScheduler',
    options: {
      schedulers: [
        { scheduler: 'LinearLR', options: { start_factor: 0.1, total_iters: 5 } },
        { scheduler: 'CosineAnnealingLR', options: { T_max: 20 } },
      ],
    },
    lr: 0.1,
    epochs: 20,
  },
} satisfies Record<string, ScheduleChartProps>;

/** A scheduler class that has a page: `StepLR`, `OneCycleLR`, … */
export type GalleryScheduler = keyof typeof galleryCharts;

/** `CosineAnnealingLR` → `cosine-annealing-lr`: the page's slug under `schedulers/` and its snippets' name. */
export function schedulerSlug(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}
