/**
 * The two article trees mirror each other: every article exists in both `content/docs/zh-cn/`
 * and `content/docs/en/` under the same relative file name, and both versions of an article embed
 * the same components the same number of times (a translation may reword, not drop a chart).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/i18n/locales.ts';

const contentRoot = fileURLToPath(new URL('../../content/docs/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Article files of a locale, relative to its tree (`index.mdx`, `guides/x.md`, …). */
function articleFiles(locale: string): string[] {
  const tree = join(contentRoot, locale);
  if (!existsSync(tree)) return [];
  return filesUnder(tree)
    .map((path) => relative(tree, path).split('\\').join('/'))
    .filter((path) => /\.mdx?$/.test(path))
    .sort();
}

/**
 * Names of the JSX components an MDX source uses, one per occurrence, sorted. Code (fenced blocks
 * and inline spans) is ignored, since `<Foo>` there is text, not a component.
 */
function componentTags(source: string): string[] {
  const prose = source
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/<([A-Z][\w.]*)/g)].map((match) => match[1]!).sort();
}

describe('componentTags', () => {
  it('counts each component occurrence and skips code', () => {
    const source = [
      "import Chart from '~/widgets/chart/Chart.astro';",
      '<Chart a={1} />',
      'Text with `<NotAComponent>` inline code and <em>html</em>.',
      '```tsx',
      '<AlsoNotAComponent />',
      '```',
      '<Tabs syncKey="lang"><TabItem label="PyTorch">x</TabItem><TabItem label="TS">y</TabItem></Tabs>',
      '<Chart',
      '  a={2}',
      '/>',
    ].join('\n');
    expect(componentTags(source)).toEqual(['Chart', 'Chart', 'TabItem', 'TabItem', 'Tabs']);
  });
});

describe('article trees', () => {
  const trees = Object.fromEntries(locales.map((locale) => [locale, articleFiles(locale)]));

  it('are non-empty and list the same files', () => {
    for (const locale of locales) expect(trees[locale]!.length, locale).toBeGreaterThan(0);
    const [first, ...rest] = locales;
    for (const locale of rest) expect(trees[locale], `${locale} vs ${first}`).toEqual(trees[first]);
  });

  it.each(articleFiles(locales[0]))('%s embeds the same components in every language', (file) => {
    const tags = locales.map((locale) => ({
      locale,
      tags: componentTags(readFileSync(join(contentRoot, locale, file), 'utf8')),
    }));
    for (const { locale, tags: other } of tags.slice(1)) {
      expect(other, `${locale}/${file} vs ${tags[0]!.locale}/${file}`).toEqual(tags[0]!.tags);
    }
  });
});
