/**
 * The locale helpers and typed dictionaries in `src/i18n/`.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultLocale,
  formatNumber,
  isLocale,
  joinList,
  localeFromLang,
  localeFromUrl,
  localeInfo,
  locales,
  localizePath,
  resolveLocale,
} from '../../src/i18n/locales.ts';
import { interpolate, makeTranslations } from '../../src/i18n/dictionary.ts';
import { ui, useTranslations } from '../../src/i18n/ui.ts';

describe('locales', () => {
  it('are the two editions, with their BCP-47 tags and own-language labels', () => {
    expect([...locales]).toEqual(['zh-cn', 'en']);
    expect(localeInfo['zh-cn']).toEqual({ label: '简体中文', lang: 'zh-CN' });
    expect(localeInfo.en).toEqual({ label: 'English', lang: 'en' });
    expect(locales).toContain(defaultLocale);
  });

  it('isLocale accepts only URL segments', () => {
    expect(isLocale('zh-cn')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh-CN')).toBe(false);
    expect(isLocale('')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it('localeFromUrl reads the first path segment', () => {
    expect(localeFromUrl('/zh-cn/cosine-annealing/')).toBe('zh-cn');
    expect(localeFromUrl('/en/')).toBe('en');
    expect(localeFromUrl('/en')).toBe('en');
    expect(localeFromUrl(new URL('https://lr-schedules.example/en/gallery/'))).toBe('en');
    expect(localeFromUrl('https://lr-schedules.example/zh-cn/')).toBe('zh-cn');
    expect(localeFromUrl('/')).toBeUndefined();
    expect(localeFromUrl('/404.html')).toBeUndefined();
    expect(localeFromUrl('/english/')).toBeUndefined();
    expect(localeFromUrl('/docs/en/')).toBeUndefined();
  });

  it('localeFromLang maps every Chinese tag to zh-cn and every English tag to en', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-cn', 'zh-Hans', 'zh-TW', 'ZH-hk', 'zh_CN']) {
      expect(localeFromLang(tag), tag).toBe('zh-cn');
    }
    for (const tag of ['en', 'en-US', 'en-GB', 'EN']) expect(localeFromLang(tag), tag).toBe('en');
    for (const tag of ['fr', 'de-DE', 'eng', 'zha', '', undefined]) {
      expect(localeFromLang(tag), String(tag)).toBeUndefined();
    }
  });

  it('resolveLocale prefers the explicit locale, then the URL, then currentLocale', () => {
    expect(resolveLocale({ explicit: 'en', url: '/zh-cn/x/', currentLocale: 'zh-CN' })).toBe('en');
    expect(resolveLocale({ url: '/en/x/', currentLocale: 'zh-CN' })).toBe('en');
    expect(resolveLocale({ url: '/', currentLocale: 'en' })).toBe('en');
    expect(resolveLocale({})).toBe(defaultLocale);
  });

  it('formatNumber follows Intl for each locale', () => {
    expect(formatNumber('en', 12345.678, { maximumFractionDigits: 1 })).toBe('12,345.7');
    expect(formatNumber('zh-cn', 12345.678, { maximumFractionDigits: 1 })).toBe('12,345.7');
    expect(formatNumber('en', 1270, { useGrouping: false })).toBe('1270');
    expect(formatNumber('zh-cn', 0.25, { style: 'percent' })).toBe('25%');
    // Cached formatters must not leak options between calls.
    expect(formatNumber('en', 0.5)).toBe('0.5');
    expect(formatNumber('en', 0.5, { style: 'percent' })).toBe('50%');
  });

  it('joinList uses the enumeration comma in Chinese and a comma in English', () => {
    expect(joinList('zh-cn', ['10', '30', '70'])).toBe('10、30、70');
    expect(joinList('en', ['10', '30', '70'])).toBe('10, 30, 70');
    expect(joinList('en', ['10'])).toBe('10');
    expect(joinList('en', [])).toBe('');
  });

  it('localizePath swaps the locale prefix', () => {
    expect(localizePath('/zh-cn/warm-restarts/', 'en')).toBe('/en/warm-restarts/');
    expect(localizePath('/en/', 'zh-cn')).toBe('/zh-cn/');
    expect(localizePath(new URL('https://x.example/en/gallery/'), 'en')).toBe('/en/gallery/');
    expect(localizePath('/', 'zh-cn')).toBe('/zh-cn/');
  });
});

describe('dictionaries', () => {
  it('ui has the same keys in every locale, all non-empty', () => {
    const keys = Object.keys(ui.en).sort();
    for (const locale of locales) {
      expect(Object.keys(ui[locale]).sort(), locale).toEqual(keys);
      for (const key of keys) {
        expect(ui[locale][key as keyof typeof ui.en].trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('useTranslations returns the string of the requested locale', () => {
    expect(useTranslations('zh-cn')('nav.warm-restarts')).toBe('热重启');
    expect(useTranslations('en')('nav.warm-restarts')).toBe('Warm restarts');
  });

  it('interpolate fills placeholders and refuses missing values', () => {
    expect(interpolate('T_0 = {t0}, T_mult = {mult}', { t0: 10, mult: 2 })).toBe(
      'T_0 = 10, T_mult = 2',
    );
    expect(interpolate('no placeholders')).toBe('no placeholders');
    expect(() => interpolate('epoch {epoch}', {})).toThrow(/\{epoch\}/);
  });

  it('makeTranslations builds a translator for any dictionary', () => {
    const t = makeTranslations({
      'zh-cn': { greeting: '第 {n} 轮' },
      en: { greeting: 'epoch {n}' },
    });
    expect(t('zh-cn')('greeting', { n: 3 })).toBe('第 3 轮');
    expect(t('en')('greeting', { n: 3 })).toBe('epoch 3');
  });
});
