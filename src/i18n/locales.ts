/**
 * The site's locales and locale-aware formatting.
 *
 * This module is the single source of truth for which languages the site has: `astro.config.mjs`
 * builds Starlight's `locales` from {@link localeInfo}, and every typed UI dictionary under
 * `src/i18n/` is keyed by {@link Locale}. It has no Astro or DOM dependency, so it can be used in
 * `.astro` components, client scripts, widgets and Node tests alike.
 *
 * @module
 */

import { formatDecimal, type DecimalFormatOptions } from './number-format.ts';

/** URL path segments of the site's locales, in the order the language choosers list them. */
export const locales = ['zh-cn', 'en'] as const;

/** A site locale, as it appears as the first path segment of a URL (`/zh-cn/…`, `/en/…`). */
export type Locale = (typeof locales)[number];

/**
 * Starlight's default locale. There is no root-locale content (`/` is the language chooser), so
 * this only decides which language the 404 page and fallbacks for untranslated pages use.
 */
export const defaultLocale: Locale = 'zh-cn';

/** Display label (in its own language) and BCP-47 tag (used for `<html lang>` and Intl) of each locale. */
export const localeInfo = {
  'zh-cn': { label: '简体中文', lang: 'zh-CN' },
  en: { label: 'English', lang: 'en' },
} as const satisfies Record<Locale, { label: string; lang: string }>;

/** A BCP-47 tag of one of the site's locales (`'zh-CN'` or `'en'`). */
export type LocaleLang = (typeof localeInfo)[Locale]['lang'];

/**
 * Whether a value is one of the site's locale path segments.
 *
 * @param value - Any value, e.g. a URL segment or a component prop.
 * @returns `true` for `'zh-cn'` and `'en'` (exact, lower case).
 * @example
 * isLocale('en'); // true
 * isLocale('zh-CN'); // false — that is a language tag; see localeFromLang
 */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The locale whose URL prefix a path starts with.
 *
 * @param url - A `URL`, an absolute URL string, or a path such as `/zh-cn/saddle-points/`.
 * @returns The locale of the first path segment, or `undefined` for paths outside both locale
 *   trees (such as `/` or `/404.html`).
 * @example
 * localeFromUrl('/zh-cn/cosine-annealing/'); // 'zh-cn'
 * localeFromUrl(new URL('https://lr-schedules.example/en/')); // 'en'
 * localeFromUrl('/'); // undefined
 */
export function localeFromUrl(url: URL | string): Locale | undefined {
  const pathname =
    typeof url === 'string' ? new URL(url, 'http://localhost').pathname : url.pathname;
  const first = pathname.split('/').find((segment) => segment !== '');
  return isLocale(first) ? first : undefined;
}

/**
 * The site locale that serves a BCP-47 language tag.
 *
 * Matches on the primary language subtag, so every Chinese tag (`zh`, `zh-CN`, `zh-Hans`,
 * `zh-TW`, …) maps to `'zh-cn'` — the only Chinese edition — and every English tag to `'en'`.
 *
 * @param lang - A language tag such as `navigator.language` or `Astro.currentLocale`.
 * @returns The matching locale, or `undefined` when the language is neither Chinese nor English.
 * @example
 * localeFromLang('zh-CN'); // 'zh-cn'
 * localeFromLang('en-GB'); // 'en'
 * localeFromLang('fr'); // undefined
 */
export function localeFromLang(lang: string | undefined): Locale | undefined {
  const primary = lang?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-cn';
  if (primary === 'en') return 'en';
  return undefined;
}

/**
 * Decide the locale of a page being rendered.
 *
 * An explicit locale wins; otherwise the URL prefix decides (it is what the reader sees), then
 * Astro's `currentLocale`, then {@link defaultLocale}.
 *
 * @param hints - `explicit`: a locale passed by the caller (e.g. a component prop); `url`: the
 *   page URL (`Astro.url`); `currentLocale`: `Astro.currentLocale` (a language tag in this site's
 *   configuration, e.g. `'zh-CN'`).
 * @returns The locale to render in.
 * @example
 * resolveLocale({ url: new URL('https://x.example/en/warm-restarts/') }); // 'en'
 */
export function resolveLocale(hints: {
  explicit?: Locale | undefined;
  url?: URL | string | undefined;
  currentLocale?: string | undefined;
}): Locale {
  return (
    hints.explicit ??
    (hints.url === undefined ? undefined : localeFromUrl(hints.url)) ??
    localeFromLang(hints.currentLocale) ??
    defaultLocale
  );
}

/**
 * How each locale writes numbers. Both site locales write them alike, with the formatter of
 * `number-format.ts` (it avoids `Intl.NumberFormat`, whose first use costs a chart's first
 * drawing ~140 ms on a throttled phone); a new locale must say how it writes them.
 */
const numberFormatters: Record<Locale, (value: number, options?: DecimalFormatOptions) => string> =
  {
    'zh-cn': formatDecimal,
    en: formatDecimal,
  };

/**
 * Format a number for a locale, as `Intl.NumberFormat` would.
 *
 * @param locale - The site locale whose conventions to use.
 * @param value - The number to format.
 * @param options - A subset of `Intl.NumberFormat`'s options, see {@link DecimalFormatOptions}.
 * @returns The formatted number.
 * @example
 * formatNumber('en', 12345.678, { maximumFractionDigits: 1 }); // '12,345.7'
 * formatNumber('zh-cn', 0.25, { style: 'percent' }); // '25%'
 */
export function formatNumber(
  locale: Locale,
  value: number,
  options: DecimalFormatOptions = {},
): string {
  return numberFormatters[locale](value, options);
}

/** Separator between items of an inline enumeration: the ideographic enumeration comma in Chinese. */
export const listSeparator = {
  'zh-cn': '、',
  en: ', ',
} as const satisfies Record<Locale, string>;

/**
 * Join already formatted items into an inline enumeration (no "and"), as used for number lists
 * in running text.
 *
 * @param locale - The site locale.
 * @param items - Items in order.
 * @returns `a、b、c` in Chinese, `a, b, c` in English.
 * @example
 * joinList('zh-cn', ['10', '30', '70']); // '10、30、70'
 * joinList('en', ['10', '30', '70']); // '10, 30, 70'
 */
export function joinList(locale: Locale, items: readonly string[]): string {
  return items.join(listSeparator[locale]);
}

/**
 * The path of the same page in another locale.
 *
 * @param url - The current page URL or path (must be inside a locale tree to be rewritten).
 * @param target - The locale to switch to.
 * @returns The path with its locale prefix replaced, or the target locale's home (`/en/`) when the
 *   path is outside both trees.
 * @example
 * localizePath('/zh-cn/warm-restarts/', 'en'); // '/en/warm-restarts/'
 * localizePath('/', 'zh-cn'); // '/zh-cn/'
 */
export function localizePath(url: URL | string, target: Locale): string {
  const pathname =
    typeof url === 'string' ? new URL(url, 'http://localhost').pathname : url.pathname;
  const current = localeFromUrl(pathname);
  if (current === undefined) return `/${target}/`;
  return pathname.replace(`/${current}`, `/${target}`);
}
