/**
 * Size budgets of the built site (see `scripts/gates/budgets.ts` for the rules): first the
 * calculator itself on a small hand-made build whose sizes the test computes on its own, then every
 * page of `dist/` (built first when it is stale).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltOnce } from '../../scripts/gates/build.ts';
import {
  budgetTable,
  budgetViolations,
  isKatexJs,
  limits,
  measureBudgets,
  pageTotals,
  type PageBudget,
} from '../../scripts/gates/budgets.ts';
import { defaultDist, listFiles } from '../../scripts/gates/dist.ts';

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

describe('the budget calculator', () => {
  let dir: string;
  const files: Record<string, string> = {
    'index.html': [
      '<!doctype html><html><head>',
      '<link rel="stylesheet" href="/_astro/a.css">',
      '<link rel="stylesheet" href="/_astro/print.css" media="print">',
      '<style>p{margin:0}</style>',
      '<script type="module" src="/_astro/entry.js"></script>',
      '<script type="module" src="/_astro/search-entry.js"></script>',
      '<script>window.x=1</script>',
      '<script type="application/ld+json">{"@context":"https://schema.org"}</script>',
      '<link rel="icon" href="/favicon.svg">',
      '</head><body><img src="img/pic.png" alt=""><p>hi</p></body></html>',
    ].join('\n'),
    '_astro/a.css':
      '@import "./b.css";\nbody{background:url(/_astro/bg.png)}\n@font-face{src:url(./f.woff2)}',
    '_astro/b.css': 'h1{color:red}',
    '_astro/print.css': '@media print{nav{display:none}}',
    '_astro/bg.png': 'PNG-BYTES-BG',
    '_astro/f.woff2': 'FONT-BYTES',
    '_astro/entry.js':
      'import{a}from"./shared.js";a();document.querySelector("x")&&Promise.all([import("./chart.js"),import(`./plot.js`)]);',
    '_astro/search-entry.js': 'document.querySelector("button").onclick=()=>import(`./search.js`);',
    '_astro/plot.js':
      'import"./lib.js";export const plot=2;export const later=()=>import("./extra.js");',
    '_astro/extra.js': 'import"./lib.js";import"./more.js";export const extra=3;',
    '_astro/more.js': 'export const more="y".repeat(20);',
    '_astro/shared.js': 'export function a(){return 1}',
    '_astro/chart.js':
      'import{a}from"./shared.js";import"./lib.js";export const c=a();const w=()=>new Worker(new URL(`/_astro/w.js`,``+import.meta.url),{type:`module`});',
    '_astro/w.js': 'import"./lib.js";onmessage=()=>postMessage(1);',
    '_astro/lib.js': 'export const lib="x".repeat(10);',
    '_astro/search.js': 'export const s="pagefind-ui";',
    'img/pic.png': 'PNG-BYTES',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'budgets-'));
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows static imports up front, dynamic imports lazily, @import and url() in CSS', async () => {
    const [page] = await measureBudgets(dir);
    expect(page!.page.path).toBe('/');
    expect(page!.initialJs.map((asset) => asset.name)).toEqual([
      '_astro/entry.js',
      '_astro/shared.js',
      '_astro/search-entry.js',
      'inline script 1',
    ]);
    expect(pageTotals(page!).initialJs).toBe(
      gz(files['_astro/entry.js']!) +
        gz(files['_astro/shared.js']!) +
        gz(files['_astro/search-entry.js']!) +
        gz('window.x=1'),
    );
    const lazy = Object.fromEntries(
      page!.lazy.map((load) => [
        load.trigger,
        [load.kind, [...load.targets].sort(), load.assets.map((asset) => asset.name).sort()],
      ]),
    );
    // The chart's two imports load together; shared.js is already loaded up front, so it does not
    // count again; lib.js (imported by both) counts once; the worker the chart starts counts too.
    // plot.js's own import() loads later, on top: extra.js and more.js, but not lib.js again.
    expect(lazy).toEqual({
      '_astro/entry.js': [
        'widget',
        ['_astro/chart.js', '_astro/plot.js'],
        ['_astro/chart.js', '_astro/lib.js', '_astro/plot.js', '_astro/w.js'],
      ],
      '_astro/plot.js': ['deferred', ['_astro/extra.js'], ['_astro/extra.js', '_astro/more.js']],
      '_astro/search-entry.js': ['search', ['_astro/search.js'], ['_astro/search.js']],
    });
    expect(pageTotals(page!).lazyDeferred).toBe(
      gz(files['_astro/extra.js']!) + gz(files['_astro/more.js']!),
    );
    expect(pageTotals(page!).lazyWidget).toBe(
      ['_astro/chart.js', '_astro/lib.js', '_astro/plot.js', '_astro/w.js']
        .map((file) => gz(files[file]!))
        .reduce((a, b) => a + b, 0),
    );
    expect(page!.css.map((asset) => asset.name).sort()).toEqual(
      ['_astro/a.css', '_astro/b.css', '_astro/print.css', 'inline style 1'].sort(),
    );
    expect(page!.images.map((asset) => asset.name).sort()).toEqual(
      ['_astro/bg.png', 'favicon.svg', 'img/pic.png'].sort(),
    );
    expect(page!.fonts).toEqual(['_astro/f.woff2']);
    expect(page!.unresolved).toEqual([]);
    const html = readFileSync(join(dir, 'index.html'));
    expect(pageTotals(page!).firstLoad).toBe(
      gzipSync(html, { level: 9 }).length +
        gz(files['_astro/entry.js']!) +
        gz(files['_astro/shared.js']!) +
        gz(files['_astro/search-entry.js']!) +
        [
          '_astro/a.css',
          '_astro/b.css',
          '_astro/print.css',
          '_astro/bg.png',
          'favicon.svg',
          'img/pic.png',
        ]
          .map((file) => gz(files[file]!))
          .reduce((a, b) => a + b, 0),
    );
  });

  it('names the page and the biggest file when a budget breaks', () => {
    const big = { name: '_astro/huge.js', bytes: 99_000, gzip: limits.initialJs + 1 };
    const budget: PageBudget = {
      page: { file: 'en/x/index.html', path: '/en/x/' },
      html: { name: 'en/x/index.html', bytes: 10, gzip: 10 },
      initialJs: [big, { name: '_astro/small.js', bytes: 10, gzip: 10 }],
      lazy: [
        {
          trigger: '_astro/search-entry.js',
          targets: ['_astro/ui.js'],
          kind: 'search',
          assets: [{ ...big, gzip: 10 ** 6 }],
        },
        {
          trigger: '_astro/controller.js',
          targets: ['_astro/code.js'],
          kind: 'deferred',
          assets: [{ name: '_astro/code.js', bytes: 10, gzip: limits.lazyWidget + 1 }],
        },
      ],
      css: [],
      images: [],
      fonts: [],
      unresolved: [],
      katex: ['_astro/katex.js'],
    };
    const problems = budgetViolations([budget]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^\/en\/x\/: JavaScript loaded up front .*_astro\/huge\.js/);
    expect(problems[1]).toMatch(
      /^\/en\/x\/: widget code loaded deferred by _astro\/controller\.js .* is 65\.0 kB gzip/,
    );
    expect(problems[2]).toBe('/en/x/: loads KaTeX JavaScript _astro/katex.js');
  });

  it('holds the playground application to 65 kB, like every other widget', () => {
    const app = '_astro/Playground.astro_astro_type_script_index_0_lang.x.js';
    const budget: PageBudget = {
      page: { file: 'en/playground/index.html', path: '/en/playground/' },
      html: { name: 'en/playground/index.html', bytes: 10, gzip: 10 },
      initialJs: [],
      lazy: [
        {
          trigger: app,
          targets: ['_astro/controller.js'],
          kind: 'widget',
          assets: [{ name: '_astro/controller.js', bytes: 10, gzip: limits.lazyWidget + 1 }],
        },
      ],
      css: [],
      images: [],
      fonts: [],
      unresolved: [],
      katex: [],
    };
    expect(budgetViolations([budget])).toEqual([
      expect.stringMatching(/Playground\.astro.* is 65\.0 kB gzip \(limit 65\.0 kB\)/),
    ]);
  });

  it('reports a script the build does not contain', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'budgets-broken-'));
    writeFileSync(
      join(broken, 'index.html'),
      '<script type="module" src="/_astro/gone.js"></script>',
    );
    const budgets = await measureBudgets(broken);
    expect(budgetViolations(budgets)).toEqual(['/: cannot resolve script /_astro/gone.js']);
    rmSync(broken, { recursive: true, force: true });
  });
});

describe('budgets of dist/', () => {
  let budgets: PageBudget[];

  beforeAll(async () => {
    await ensureBuiltOnce();
    budgets = await measureBudgets();
    console.log(budgetTable(budgets));
  }, 600_000);

  const violations = (pattern: RegExp) =>
    budgetViolations(budgets).filter((problem) => pattern.test(problem));

  it('covers every page, with both languages', () => {
    const paths = budgets.map((budget) => budget.page.path);
    expect(paths).toContain('/en/');
    expect(paths).toContain('/zh-cn/');
    expect(paths.length).toBeGreaterThan(4);
  });

  it(`JavaScript loaded up front is at most ${limits.initialJs / 1000} kB gzip on every page`, () => {
    expect(violations(/JavaScript loaded up front/)).toEqual([]);
  });

  it(`widget code loaded when a chart scrolls into view is at most ${limits.lazyWidget / 1000} kB gzip`, () => {
    expect(violations(/widget code loaded lazily/)).toEqual([]);
  });

  it(`widget code loaded later by widget code (deferred) is at most ${limits.lazyWidget / 1000} kB gzip`, () => {
    expect(violations(/widget code loaded deferred/)).toEqual([]);
  });

  it(`CSS is at most ${limits.css / 1000} kB gzip on every page`, () => {
    expect(violations(/: CSS is/)).toEqual([]);
  });

  it(`the first load (without fonts) is at most ${limits.firstLoad / 1000} kB gzip on every page`, () => {
    expect(violations(/first load/)).toEqual([]);
  });

  it('every script and stylesheet a page refers to is part of the build', () => {
    expect(violations(/cannot resolve/)).toEqual([]);
  });

  it('no page loads KaTeX JavaScript, and the build contains none', () => {
    expect(violations(/KaTeX/)).toEqual([]);
    const katexFiles = listFiles(defaultDist)
      .filter((file) => /\.m?js$/.test(file))
      .filter((file) => isKatexJs(file, readFileSync(join(defaultDist, file), 'utf8')));
    expect(katexFiles).toEqual([]);
  });

  it('chart code (Chart.js) is only loaded lazily, never up front', () => {
    // A message of Chart.js's core (the Chart constructor's check that a canvas is free), present
    // in any bundle that contains Chart.js; the date adapter's message is not, once Terser drops
    // the unused adapter.
    const chartJs = (file: string) =>
      readFileSync(join(defaultDist, file), 'utf8').includes(
        'must be destroyed before the canvas with ID',
      );
    for (const budget of budgets) {
      const upFront = budget.initialJs.filter((asset) => !asset.name.startsWith('inline '));
      expect(
        upFront.filter((asset) => chartJs(asset.name)),
        budget.page.path,
      ).toEqual([]);
      const html = readFileSync(join(defaultDist, budget.page.file), 'utf8');
      if (html.includes('<schedule-chart')) {
        const lazyFiles = budget.lazy
          .filter((load) => load.kind === 'widget')
          .flatMap((load) => load.assets.map((asset) => asset.name));
        expect(lazyFiles.some(chartJs), `${budget.page.path} lazily loads Chart.js`).toBe(true);
      }
    }
  });
});
