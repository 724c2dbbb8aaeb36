/**
 * A hover readout for the widgets' Chart.js line charts, in place of Chart.js's canvas tooltip
 * plugin (which would add 5 kB gzip to every chart's load): a small HTML box beside the pointer
 * with the x value under it and one line per visible series, each with its colour. It is filled
 * with `textContent` only. Screen readers get the same numbers from the widgets' data tables, so
 * the box is `aria-hidden`.
 *
 * @module
 */
import type { Chart, ChartDataset, Plugin } from 'chart.js';

/** What the readout says, in the widget's words and number formats. */
export interface ReadoutText {
  /** The first line, for the x value under the pointer (e.g. `Epoch 12`). */
  title(x: number): string;
  /** One series' line for its value `y` there (e.g. `StepLR: 0.01`). */
  line(dataset: ChartDataset<'line', unknown[]>, y: number): string;
}

/** Distance between the hovered point and the readout, in CSS pixels. */
const GAP = 12;

function coordinate(point: unknown, axis: 'x' | 'y'): number {
  const value = (point as Partial<Record<'x' | 'y', unknown>> | null)?.[axis];
  return typeof value === 'number' ? value : NaN;
}

function row(colour: string, text: string): HTMLElement {
  const line = document.createElement('div');
  const swatch = document.createElement('span');
  swatch.className = 'chart-readout-swatch';
  swatch.style.background = colour;
  const words = document.createElement('span');
  words.textContent = text;
  line.append(swatch, words);
  return line;
}

/**
 * A Chart.js plugin that shows the readout while the pointer is over the chart. The chart's
 * `interaction` options decide which points count as hovered (the widgets use
 * `{ mode: 'index', intersect: false }`: every series at the nearest x).
 *
 * @param box - The positioned element holding the canvas; the readout is added to it.
 * @param text - The readout's words.
 * @returns The plugin, for the chart's `plugins` list.
 */
export function hoverReadout(box: HTMLElement, text: ReadoutText): Plugin<'line'> {
  const readout = document.createElement('div');
  readout.className = 'chart-readout';
  readout.setAttribute('aria-hidden', 'true');
  readout.hidden = true;

  const show = (chart: Chart<'line'>) => {
    const active = chart
      .getActiveElements()
      .filter(({ datasetIndex }) => chart.isDatasetVisible(datasetIndex));
    const first = active[0];
    if (!first) {
      readout.hidden = true;
      return;
    }
    const at = (datasetIndex: number, index: number) =>
      chart.data.datasets[datasetIndex]?.data[index];
    const rows: HTMLElement[] = [];
    for (const { datasetIndex, index } of active) {
      const dataset = chart.data.datasets[datasetIndex]!;
      const y = coordinate(at(datasetIndex, index), 'y');
      if (!Number.isFinite(y)) continue;
      rows.push(row(String(dataset.borderColor ?? ''), text.line(dataset, y)));
    }
    const title = document.createElement('div');
    title.className = 'chart-readout-title';
    title.textContent = text.title(coordinate(at(first.datasetIndex, first.index), 'x'));
    readout.replaceChildren(title, ...rows);
    // Beside the point, on the side with more room, at the top of the plotting area.
    const canvas = chart.canvas;
    const x = canvas.offsetLeft + first.element.x;
    const right = first.element.x > (chart.chartArea.left + chart.chartArea.right) / 2;
    readout.style.left = right ? '' : `${x + GAP}px`;
    readout.style.right = right ? `${box.clientWidth - x + GAP}px` : '';
    readout.style.top = `${canvas.offsetTop + chart.chartArea.top}px`;
    readout.hidden = false;
  };

  return {
    id: 'hoverReadout',
    afterInit() {
      box.append(readout);
    },
    afterEvent(chart, { event }) {
      if (event.type === 'mouseout') readout.hidden = true;
      else show(chart);
    },
    afterDestroy() {
      readout.remove();
    },
  };
}
