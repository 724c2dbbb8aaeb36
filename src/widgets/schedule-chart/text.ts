/**
 * Localized text of the `ScheduleChart` widget built from the model's numbers: number formats,
 * the accessible summary of a chart, error messages and the data-table note. Shared by the
 * build-time fallback and the live element, so both say exactly the same. No DOM.
 *
 * @module
 */
import { formatNumber, type Locale } from '../../i18n/locales.ts';
import type { Placeholders } from '../../i18n/dictionary.ts';
import type { ScheduleChartKey } from '../../i18n/widgets/schedule-chart.ts';
import type { ChartSpec, Curve, DataTable, Problem } from './model.ts';

/** A translation function of the `ScheduleChart` dictionary for one locale. */
export type Translate = (key: ScheduleChartKey, values?: Placeholders) => string;

/**
 * A learning rate for display: up to `digits` significant digits, in scientific notation below
 * 0.001 or from a million up (so `1e-5` does not print as `0.00001` and axis labels stay short).
 *
 * @param locale - The page locale.
 * @param value - The learning rate.
 * @param digits - Significant digits (default 4).
 * @returns The formatted number, e.g. `0.09045` or `1.5E-5`.
 */
export function formatLr(locale: Locale, value: number, digits = 4): string {
  const magnitude = Math.abs(value);
  const scientific = magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6);
  return formatNumber(locale, value, {
    maximumSignificantDigits: digits,
    ...(scientific ? { notation: 'scientific' } : {}),
  });
}

/**
 * An epoch for display, written like a code value (no digit grouping: `1270`, as PyTorch prints
 * it), with up to three decimals for fractional epochs.
 *
 * @param locale - The page locale.
 * @param epoch - The epoch.
 * @returns The formatted epoch.
 */
export function formatEpoch(locale: Locale, epoch: number): string {
  return formatNumber(locale, epoch, { useGrouping: false, maximumFractionDigits: 3 });
}

/**
 * Join sentences: with a space in English, directly in Chinese (whose full stop carries its own
 * spacing).
 *
 * @param locale - The page locale.
 * @param sentences - Complete sentences.
 * @returns The paragraph.
 */
export function joinSentences(locale: Locale, sentences: readonly string[]): string {
  return sentences.filter((sentence) => sentence !== '').join(locale === 'zh-cn' ? '' : ' ');
}

/**
 * The accessible description of a chart: what it plots, then per curve its start, minimum,
 * maximum and final learning rate, and the number of warm restarts of `CosineAnnealingWarmRestarts`
 * curves.
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param spec - The chart.
 * @param curves - Its sampled curves.
 * @returns One paragraph of text.
 */
export function chartSummary(
  t: Translate,
  locale: Locale,
  spec: ChartSpec,
  curves: readonly Curve[],
): string {
  const parts = [t('summary.chart', { epochs: formatEpoch(locale, spec.epochs) })];
  curves.forEach((curve, i) => {
    const { start, min, max, end } = curve.summary;
    parts.push(
      t('summary.series', {
        label: curve.label,
        start: formatLr(locale, start),
        min: formatLr(locale, min),
        max: formatLr(locale, max),
        end: formatLr(locale, end),
      }),
    );
    if (spec.series[i]?.scheduler === 'CosineAnnealingWarmRestarts') {
      parts.push(t('summary.restarts', { count: formatEpoch(locale, curve.restarts.length) }));
    }
  });
  return joinSentences(locale, parts);
}

/**
 * The localized explanation of a problem (without PyTorch's original message, which the widget
 * shows separately in a `<code>` element).
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param problem - From the model.
 * @returns One sentence.
 */
export function problemMessage(t: Translate, locale: Locale, problem: Problem): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem.values)) {
    values[key] = typeof value === 'number' ? formatEpoch(locale, value) : value;
  }
  return t(`error.${problem.key}`, values);
}

/**
 * The note under the data table: how rows are spaced and, with several steps per epoch, which
 * step each row shows.
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param table - From the model's `dataTable`.
 * @param stepsPerEpoch - Steps per epoch of the run.
 * @returns The note, or an empty string when every epoch is listed with one step each.
 */
export function tableNote(
  t: Translate,
  locale: Locale,
  table: DataTable,
  stepsPerEpoch = 1,
): string {
  const notes: string[] = [];
  if (table.every > 1) notes.push(t('table.every', { every: formatEpoch(locale, table.every) }));
  if (stepsPerEpoch > 1) {
    notes.push(t('table.firstStep', { steps: formatEpoch(locale, stepsPerEpoch) }));
  }
  return joinSentences(locale, notes);
}
