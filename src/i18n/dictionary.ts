/**
 * Typed UI-string dictionaries.
 *
 * Every part of the site that shows words keeps them in its own dictionary file under
 * `src/i18n/` (the site chrome in `ui.ts`; each widget in e.g. `schedule-chart.ts`). A dictionary
 * is one object literal per locale, checked with `satisfies Dictionary<Key>` so that both
 * languages must have exactly the same keys:
 *
 * ```ts
 * import { makeTranslations, type Dictionary } from './dictionary.ts';
 *
 * const en = { 'chart.epoch': 'Epoch', 'chart.lrAt': 'LR at epoch {epoch}' } as const;
 * export const chartUi = {
 *   en,
 *   'zh-cn': { 'chart.epoch': '轮次', 'chart.lrAt': '第 {epoch} 轮的学习率' },
 * } as const satisfies Dictionary<keyof typeof en>;
 * export const useChartTranslations = makeTranslations(chartUi);
 * ```
 *
 * A missing or extra key in either language is a type error.
 *
 * @module
 */

import type { Locale } from './locales.ts';

/** One string per key, in every locale. */
export type Dictionary<Key extends string> = Record<Locale, Record<Key, string>>;

/** One locale's strings of a dictionary: what a widget's page hands its script (see {@link translator}). */
export type Strings<Key extends string> = Readonly<Record<Key, string>>;

/** Values substituted for `{name}` placeholders in a translated string. */
export type Placeholders = Readonly<Record<string, string | number>>;

/** A translation function: the string for `key` with its placeholders filled in. */
export type Translator<Key extends string> = (key: Key, values?: Placeholders) => string;

/**
 * Replace `{name}` placeholders in a template.
 *
 * @param template - A string such as `'LR at epoch {epoch}'`.
 * @param values - Substitutions; numbers are inserted with `String()` (format them first with
 *   `formatNumber` when the locale matters).
 * @returns The template with every known placeholder replaced.
 * @throws {Error} When the template names a placeholder that `values` lacks, so a forgotten value
 *   cannot reach a page as a literal `{name}`.
 * @example
 * interpolate('T_0 = {t0}', { t0: 10 }); // 'T_0 = 10'
 */
export function interpolate(template: string, values: Placeholders = {}): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`Missing value for placeholder {${name}} in "${template}"`);
    }
    return String(value);
  });
}

/**
 * Build a `useTranslations(locale)` function for a dictionary.
 *
 * @param dictionary - A dictionary checked with `satisfies Dictionary<Key>`.
 * @returns A function that, given a locale, returns `t(key, values?)`: the string for `key` in that
 *   locale with placeholders filled in (see {@link interpolate}).
 * @example
 * const t = makeTranslations(ui)('zh-cn');
 * t('chooser.read'); // '阅读中文版'
 */
export function makeTranslations<Key extends string>(
  dictionary: Dictionary<Key>,
): (locale: Locale) => Translator<Key> {
  return (locale) => translator(dictionary[locale]);
}

/**
 * A translation function over one locale's strings. Widget scripts use it with the strings their
 * page serialised into a `data-*` attribute, so the script itself carries no prose in any language.
 *
 * @param strings - One locale's entry of a dictionary.
 * @returns `t(key, values?)`, as from {@link makeTranslations}.
 * @example
 * const t = translator({ 'chart.lrAt': 'LR at epoch {epoch}' });
 * t('chart.lrAt', { epoch: 3 }); // 'LR at epoch 3'
 */
export function translator<Key extends string>(strings: Strings<Key>): Translator<Key> {
  return (key, values) => interpolate(strings[key], values);
}
