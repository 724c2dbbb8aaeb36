/**
 * Bilingual comments in snippet files.
 *
 * A snippet under `content/snippets/` is shown on an English and a Chinese page and executed by
 * the tests, so its code must be one file. Its comments are written in both languages, as
 * full-line comments tagged with the locale:
 *
 * ```python
 * # en: The scheduler writes the rate for epoch 0 into the optimizer.
 * # zh-cn: 构造调度器时，它会把第 0 轮的学习率写入优化器。
 * scheduler = CosineAnnealingLR(optimizer, T_max=10)
 * ```
 *
 * {@link localizeSnippet} keeps the lines of one locale, without the tag, and drops the other's.
 * Untagged comments are shown on both pages. No DOM or Astro dependency, so tests use it too.
 *
 * @module
 */

import type { Locale } from '../i18n/locales.ts';

/** A full-line comment tagged with a locale: indentation, comment marker, locale, text. */
const TAGGED = /^(\s*)(#|\/\/) (en|zh-cn): ?(.*)$/;

/** A tagged comment line, parsed. */
export interface TaggedComment {
  /** 0-based line number. */
  line: number;
  locale: Locale;
  text: string;
}

/** The locale-tagged comment lines of a snippet source. */
export function taggedComments(source: string): TaggedComment[] {
  const out: TaggedComment[] = [];
  source.split('\n').forEach((line, i) => {
    const match = TAGGED.exec(line);
    if (match !== null) out.push({ line: i, locale: match[3] as Locale, text: match[4] ?? '' });
  });
  return out;
}

/**
 * Groups of consecutive tagged comment lines. Each group is one comment in two languages, so
 * every group should contain lines of every locale.
 */
export function taggedCommentBlocks(source: string): TaggedComment[][] {
  const blocks: TaggedComment[][] = [];
  let previous = -2;
  for (const comment of taggedComments(source)) {
    if (comment.line === previous + 1) blocks[blocks.length - 1]?.push(comment);
    else blocks.push([comment]);
    previous = comment.line;
  }
  return blocks;
}

/**
 * The snippet as shown to readers of `locale`: tagged comments of that locale lose their tag,
 * those of other locales are removed; everything else is unchanged. A trailing newline is
 * dropped, since the code block adds its own end.
 *
 * @param source - the snippet file's text.
 * @param locale - the page's locale.
 * @example
 * ```ts
 * localizeSnippet('# en: Hi\n# zh-cn: 你好\nx = 1\n', 'en'); // '# Hi\nx = 1'
 * ```
 */
export function localizeSnippet(source: string, locale: Locale): string {
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    const match = TAGGED.exec(line);
    if (match === null) lines.push(line);
    else if (match[3] === locale) lines.push(`${match[1]}${match[2]} ${match[4]}`.trimEnd());
  }
  return lines.join('\n').replace(/\n+$/, '');
}
