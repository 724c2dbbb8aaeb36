/**
 * Vertical marks across a Chart.js chart (warm restarts, the step a path escapes the saddle),
 * shared by the widgets' controllers.
 *
 * @module
 */
import type { Chart, Plugin } from 'chart.js';

/** A vertical line across a chart's plotting area at `x` (in data units). */
export interface VerticalMark {
  readonly x: number;
  readonly colour: string;
  /** Canvas line dash, e.g. `[4, 4]`; `[]` for a solid line. */
  readonly dash: readonly number[];
  readonly width: number;
}

/**
 * A Chart.js plugin drawing vertical marks (warm restarts, an escape step) under the curves.
 * Marks outside the x axis's range are skipped.
 *
 * @param id - The plugin's id, unique per chart.
 * @param marks - The marks to draw, read at every redraw.
 * @returns The plugin, for the chart's `plugins` list.
 */
export function verticalMarks(id: string, marks: () => readonly VerticalMark[]): Plugin<'line'> {
  return {
    id,
    beforeDatasetsDraw(chart: Chart<'line'>) {
      const { ctx, chartArea, scales } = chart;
      const x = scales['x'];
      const shown = marks();
      if (!x || shown.length === 0) return;
      ctx.save();
      for (const mark of shown) {
        const px = Math.round(x.getPixelForValue(mark.x)) + 0.5;
        if (px < chartArea.left || px > chartArea.right) continue;
        ctx.strokeStyle = mark.colour;
        ctx.setLineDash([...mark.dash]);
        ctx.lineWidth = mark.width;
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
}
