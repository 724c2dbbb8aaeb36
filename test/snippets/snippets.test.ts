/**
 * Every code snippet the site shows is a real program, executed here: each pair
 * `content/snippets/<page>/<name>.{py,ts}` runs under PyTorch (`/usr/bin/python3`) and under
 * Node with the `lr-schedules` engine, both must exit 0 without writing to stderr, and the
 * numbers they print must agree to a relative 1e-12. Every snippet file is shown by some page,
 * and every snippet a page shows exists. The convention is described in
 * `content/snippets/README.md`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/i18n/locales.ts';
import { localizeSnippet, taggedCommentBlocks } from '../../src/components/snippet-source.ts';
import {
  articleFiles,
  compareOutputs,
  discoverPairs,
  docsRoot,
  extractNumbers,
  hasTorch,
  numbersAgree,
  pageConfigName,
  readPageConfig,
  repoPath,
  runSnippet,
  snippetFiles,
  snippetReferences,
  snippetReferencesIn,
  snippetRoot,
  type RunResult,
} from '../../scripts/snippets/snippets.ts';

const pairs = discoverPairs();
const torch = hasTorch();
const pages = [...new Set(pairs.map((pair) => pair.page))];

describe('snippet helpers', () => {
  it('extract numbers as Python and JavaScript print them, skipping identifiers', () => {
    expect(extractNumbers('[0.1, 1e-05]\nT_0=5 lr2 -inf\nnan 2.5e+3 Infinity -0.5')).toEqual([
      0.1,
      0.00001,
      5,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
      2500,
      Number.POSITIVE_INFINITY,
      -0.5,
    ]);
    expect(extractNumbers("{'base_lrs': [0.1], 'T_max': 10}")).toEqual([0.1, 10]);
    expect(extractNumbers('ValueError: bad value')).toEqual([]);
  });

  it('compare numbers within a relative tolerance', () => {
    expect(numbersAgree(0.1, 0.1 * (1 + 5e-13))).toBe(true);
    expect(numbersAgree(0.1, 0.1 * (1 + 5e-12))).toBe(false);
    expect(numbersAgree(Number.NaN, Number.NaN)).toBe(true);
    expect(numbersAgree(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(true);
    expect(numbersAgree(0, 1e-300)).toBe(false);
    expect(compareOutputs([1, 2], [1])).toMatch(/2 numbers.*1/);
    expect(compareOutputs([1, 2], [1, 2])).toBeNull();
  });

  it('find the snippets an article shows, in both supported forms', () => {
    const article = join(docsRoot, 'en', 'example.mdx');
    const source = [
      "import py from '../../snippets/x/raw.py?raw';",
      "import ts from '../../snippets/x/raw.ts?raw';",
      '<SnippetPair py={py} ts={ts} />',
      '<SnippetPair src="x/pair" />',
    ].join('\n');
    expect(snippetReferencesIn(source, article).map((ref) => repoPath(ref.file))).toEqual([
      'content/snippets/x/pair.py',
      'content/snippets/x/pair.ts',
      'content/snippets/x/raw.py',
      'content/snippets/x/raw.ts',
    ]);
  });

  it('localize tagged comments', () => {
    const source = '# en: Hello\n# zh-cn: 你好\nx = 1  # kept\n    // zh-cn: 缩进\n';
    expect(localizeSnippet(source, 'en')).toBe('# Hello\nx = 1  # kept');
    expect(localizeSnippet(source, 'zh-cn')).toBe('# 你好\nx = 1  # kept\n    // 缩进');
  });
});

describe('content/snippets', () => {
  it('holds page folders of snippet pairs, their configs and the README only', () => {
    const stray = snippetFiles()
      .map((file) => relative(snippetRoot, file).split(sep).join('/'))
      .filter(
        (path) =>
          path !== 'README.md' &&
          !/^[^/]+\/[^/]+\.(py|ts)$/.test(path) &&
          !new RegExp(`^[^/]+/${pageConfigName.replace('.', '\\.')}$`).test(path),
      );
    expect(stray).toEqual([]);
  });

  it('pairs every .py with a .ts of the same name', () => {
    const unpaired = pairs
      .filter((pair) => pair.py === undefined || pair.ts === undefined)
      .map((pair) => `${pair.id}: no .${pair.py === undefined ? 'py' : 'ts'} partner`);
    expect(unpaired).toEqual([]);
  });

  it.each(pages)('%s/snippets.json names existing pairs, with reasons', (page) => {
    const config = readPageConfig(page);
    const names = new Set(pairs.filter((pair) => pair.page === page).map((pair) => pair.name));
    const stale = [...Object.keys(config.nonNumeric), ...Object.keys(config.allowStderr)].filter(
      (name) => !names.has(name),
    );
    expect(stale).toEqual([]);
  });

  it('writes every tagged comment in both languages', () => {
    const incomplete: string[] = [];
    for (const file of snippetFiles().filter((f) => /\.(py|ts)$/.test(f))) {
      for (const block of taggedCommentBlocks(readFileSync(file, 'utf8'))) {
        const present = new Set(block.map((comment) => comment.locale));
        const missing = locales.filter((locale) => !present.has(locale));
        if (missing.length > 0) {
          incomplete.push(`${repoPath(file)}:${block[0]!.line + 1} lacks ${missing.join(', ')}`);
        }
      }
    }
    expect(incomplete).toEqual([]);
  });
});

describe('pages and snippets', () => {
  const articles = articleFiles();
  const references = articles.flatMap(snippetReferences);

  it('every snippet a page shows exists', () => {
    const missing = references
      .filter((ref) => !existsSync(ref.file))
      .map((ref) => `${ref.page} shows missing ${repoPath(ref.file)}`);
    expect(missing).toEqual([]);
  });

  it('every snippet file is shown by a page', () => {
    const shown = new Set(references.map((ref) => ref.file));
    const unshown = snippetFiles()
      .filter((file) => /\.(py|ts)$/.test(file) && !shown.has(file))
      .map(repoPath);
    expect(unshown).toEqual([]);
  });

  it('both languages of an article show the same snippets', () => {
    const byArticle = new Map<string, Map<string, string[]>>();
    for (const article of articles) {
      const [locale, ...rest] = relative(docsRoot, article).split(sep);
      const key = rest.join('/');
      const shown = snippetReferences(article).map((ref) => repoPath(ref.file));
      const entry = byArticle.get(key) ?? new Map<string, string[]>();
      entry.set(locale as string, shown);
      byArticle.set(key, entry);
    }
    for (const [article, shownBy] of byArticle) {
      const [first, ...others] = locales;
      for (const locale of others) {
        if (!shownBy.has(locale) || !shownBy.has(first)) continue;
        expect(shownBy.get(locale), `${article}: ${locale} vs ${first}`).toEqual(
          shownBy.get(first),
        );
      }
    }
  });
});

describe.runIf(pairs.some((pair) => pair.py !== undefined && pair.ts !== undefined))(
  'snippet pairs run and agree',
  // Importing torch alone takes a second or two; a loaded machine may need far longer, and
  // runSnippet itself gives up after two minutes.
  { timeout: 180_000 },
  () => {
    const runs = new Map<string, Promise<RunResult>>();
    const run = (file: string): Promise<RunResult> => {
      let result = runs.get(file);
      if (result === undefined) {
        result = runSnippet(file);
        runs.set(file, result);
      }
      return result;
    };

    function expectClean(result: RunResult, file: string, stderrAllowed: boolean): void {
      const where = `${repoPath(file)}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`;
      expect(result.code, `exit code of ${where}`).toBe(0);
      if (!stderrAllowed) expect(result.stderr, `stderr of ${where}`).toBe('');
    }

    for (const pair of pairs) {
      const { py, ts } = pair;
      if (py === undefined || ts === undefined) continue;
      const config = readPageConfig(pair.page);
      const numeric = !(pair.name in config.nonNumeric);
      const stderrAllowed = pair.name in config.allowStderr;

      it.concurrent(`${pair.id}.ts runs${numeric ? ' and prints numbers' : ''}`, async () => {
        const result = await run(ts);
        expectClean(result, ts, stderrAllowed);
        if (numeric) {
          expect(
            extractNumbers(result.stdout).length,
            `${repoPath(ts)} printed no numbers; list it under "nonNumeric" in ` +
              `${basename(dirname(ts))}/${pageConfigName} if that is intended`,
          ).toBeGreaterThan(0);
        }
      });

      it.concurrent(
        `${pair.id}.py runs under PyTorch${numeric ? ' and prints the same numbers' : ''}`,
        async (context) => {
          if (!torch) context.skip('/usr/bin/python3 cannot import torch');
          const [pyResult, tsResult] = await Promise.all([run(py), run(ts)]);
          expectClean(pyResult, py, stderrAllowed);
          if (!numeric) return;
          const mismatch = compareOutputs(
            extractNumbers(pyResult.stdout),
            extractNumbers(tsResult.stdout),
          );
          expect(
            mismatch,
            `${pair.id}\n--- PyTorch\n${pyResult.stdout}--- TypeScript\n${tsResult.stdout}`,
          ).toBeNull();
        },
      );
    }
  },
);
