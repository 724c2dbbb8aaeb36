import type { ChartDataset, ChartOptions } from 'chart.js';
import { localeInfo, type Locale } from '../../i18n/locales.ts';

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

/**
 * The Chart.js options every widget's line chart shares: sized by its box, drawn without
 * animation, points given already parsed and sorted by x, numbers in the page's language and the
 * page's font, and hover reading all curves at the pointer's x.
 *
 * @param locale - The page locale.
 * @param font - CSS font family of the page's text.
 */
export function baseLineOptions(locale: Locale, font: string) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    normalized: true,
    locale: localeInfo[locale].lang,
    font: { family: font },
    interaction: { mode: 'index', intersect: false },
  } as const satisfies ChartOptions<'line'>;
}
