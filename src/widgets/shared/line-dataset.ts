import type { ChartDataset } from 'chart.js';

/**
 * An empty Chart.js line dataset in the widgets' common style (no point markers, straight
 * segments), on the y axis `axis`; the controllers fill `data` as their runs progress.
 */
export function lineDataset<P>(
  label: string,
  axis: string,
  colour: string,
): ChartDataset<'line', P[]> {
  return {
    label,
    data: [],
    yAxisID: axis,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    pointRadius: 0,
    pointHoverRadius: 3,
    pointHitRadius: 4,
    tension: 0,
  };
}
