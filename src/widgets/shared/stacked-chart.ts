/**
 * The Chart.js line chart of the saddle explorer and the training run: one x axis (steps or
 * epochs) and one y axis per curve, stacked in bands, with the widgets' hover readout. The
 * controllers supply the curves, the axes' ranges and tick labels, and the readout's words.
 *
 * @module
 */
import type { Chart as ChartJs, ChartOptions, Plugin, TickOptions } from 'chart.js';
import type { Locale } from '../../i18n/locales.ts';
import { hoverReadout, type ReadoutText } from './hover-readout.ts';
import { baseLineOptions, lineDataset } from './line-dataset.ts';
import { axisTitleLines } from './plot.ts';

/** Options of one Chart.js axis. */
export type ScaleOptions = NonNullable<ChartOptions<'line'>['scales']>[string];

/** Colours of axes, from the widget's CSS custom properties. */
export interface AxisColours {
  readonly text: string;
  readonly grid: string;
  readonly axis: string;
}

/** One band of the stacked chart: a y axis. */
export interface BandOptions {
  readonly title: string;
  readonly type: 'linear' | 'logarithmic';
  readonly min?: number;
  readonly max?: number;
  /** A tick's label ('' for none). */
  readonly label: (value: number) => string;
}

function axisStyle(title: string, colours: AxisColours) {
  return {
    // Rotated beside three stacked axes, a one-line title would be longer than its band.
    title: { display: true, text: axisTitleLines(title), color: colours.text },
    grid: { color: colours.grid },
    border: { color: colours.axis },
  };
}

/**
 * The x axis: whole steps or epochs from 0 to `max`.
 *
 * @param title - The axis title.
 * @param max - The last step or epoch.
 * @param colours - Axis colours.
 * @param label - A tick's label.
 */
export function countAxis(
  title: string,
  max: number,
  colours: AxisColours,
  label: (value: number) => string,
): ScaleOptions {
  return {
    ...axisStyle(title, colours),
    type: 'linear',
    min: 0,
    max,
    ticks: { color: colours.axis, callback: (value) => label(Number(value)) },
  };
}

/**
 * A y axis in its own band of the stack, with at most four ticks.
 *
 * @param band - The axis.
 * @param colours - Axis colours.
 */
export function bandAxis(band: BandOptions, colours: AxisColours): ScaleOptions {
  const ticks: Partial<TickOptions> & { maxTicksLimit: number } = {
    color: colours.axis,
    maxTicksLimit: 4,
    callback: (value) => band.label(Number(value)),
  };
  return {
    ...axisStyle(band.title, colours),
    type: band.type,
    stack: 'bands',
    offset: true,
    ...(band.min === undefined ? {} : { min: band.min }),
    ...(band.max === undefined ? {} : { max: band.max }),
    ticks,
  } as ScaleOptions;
}

/** What {@link stackedChart} draws. */
export interface StackedChartOptions {
  /** The element the canvas is in; the hover readout is added to it. */
  readonly box: HTMLElement;
  readonly locale: Locale;
  /** CSS font family of the labels. */
  readonly font: string;
  /** One curve per entry: its label, its y axis and its colour. */
  readonly series: readonly (readonly [label: string, axis: string, colour: string])[];
  readonly scales: Record<string, ScaleOptions>;
  /** More plugins, e.g. {@link verticalMarks}. */
  readonly plugins: readonly Plugin<'line'>[];
  readonly readout: ReadoutText;
}

/**
 * A stacked line chart without animation, its curves empty until the controller fills them.
 *
 * @param Chart - Chart.js's `Chart` with the line controller and linear and logarithmic scales.
 * @param canvas - The canvas to draw on, inside `options.box`.
 * @param options - What to draw.
 * @returns The chart.
 */
export function stackedChart<P>(
  Chart: typeof ChartJs,
  canvas: HTMLCanvasElement,
  options: StackedChartOptions,
): ChartJs<'line', P[]> {
  return new Chart<'line', P[]>(canvas, {
    type: 'line',
    data: {
      datasets: options.series.map(([label, axis, colour]) => lineDataset<P>(label, axis, colour)),
    },
    options: {
      ...baseLineOptions(options.locale, options.font),
      scales: options.scales,
    },
    plugins: [...options.plugins, hoverReadout(options.box, options.readout)],
  });
}

/**
 * Give the curves new colours (after a theme change) and rebuild the axes.
 *
 * @param chart - From {@link stackedChart}.
 * @param colours - One colour per curve, in order.
 * @param scales - The axes in the new colours.
 */
export function recolourChart(
  chart: ChartJs<'line', unknown[]>,
  colours: readonly string[],
  scales: Record<string, ScaleOptions>,
): void {
  chart.data.datasets.forEach((set, i) => {
    set.borderColor = colours[i]!;
    set.backgroundColor = colours[i]!;
  });
  chart.options.scales = scales;
}
