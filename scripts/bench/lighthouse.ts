/**
 * Lighthouse on every page of the built site (`dist/`, built first when stale), served by
 * `astro preview` on 127.0.0.1: Lighthouse's default (mobile) configuration — a Moto G Power
 * sized screen and simulated slow-4G, 4× CPU throttling — in Debian's Chromium, one page after
 * another. Targets: performance ≥ 98; accessibility, best practices and SEO 100.
 *
 * Not a test: performance scores depend on the machine and its load. Run by `npm run bench`, or
 * alone with `npm run bench:lighthouse`; arguments: `--readme` writes the table into README.md
 * between its `lighthouse` markers, `--runs=N` audits each page N times (default 3) and reports
 * the median run, any other argument keeps only the pages whose path contains it
 * (`npm run bench:lighthouse -- /en/`). Prints the scores of every page, the audits that cost
 * points where a page misses a target, and the minimum per category.
 *
 * The widget harness pages (`/harness/…/`) are left out: they are test fixtures marked
 * `noindex`, not pages for readers. The not-found page is audited at `/404.html` (status 200):
 * Lighthouse refuses to audit a page answered with status 404, which is how readers meet it.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
// Not in the package's type exports map; the module ships its own declarations.
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import { ensureBuilt, startPreview } from '../e2e/site.ts';
import { sitePages, type SitePage } from '../gates/dist.ts';
import { writeReadmeSection } from '../readme-section.ts';

const chromiumPath = '/usr/bin/chromium';
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  // Without these Chromium waits on update and sync servers that this closed network never
  // answers, and the first page times out.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];
type Scores = Record<Category, number>;

/** Lighthouse runs per page, of which the median run is reported (`--runs=N` to change). */
const defaultRuns = 3;

/** Lowest score (0–100) that meets the target in each category. */
const targets: Scores = {
  performance: 98,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

interface PageResult {
  readonly path: string;
  readonly scores: Scores;
  /** One line per audit that cost points in a category below its target. */
  readonly losses: string[];
  /** Lighthouse's CPU benchmark at the time (higher is faster; it falls as the machine's load rises). */
  readonly benchmarkIndex: number;
  /** e.g. `Lighthouse 12.2.3, Chromium 143.0.7499.169`. */
  readonly tools: string;
}

/** The audits of a category that scored below full marks, as `id (score): value – title`. */
function lostAudits(lhr: Result, category: Category): string[] {
  const lines: string[] = [];
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 1) continue;
    // Performance also lists diagnostics without weight; only the clearly poor ones matter here.
    if (ref.weight === 0 && audit.score >= 0.9) continue;
    const value = audit.displayValue ? `: ${audit.displayValue}` : '';
    lines.push(`${category} · ${ref.id} (${audit.score.toFixed(2)})${value} – ${audit.title}`);
  }
  return lines;
}

/**
 * Audit a page `runs` times and keep Lighthouse's median run (the run nearest the median first
 * contentful paint and time to interactive, Lighthouse's own `computeMedianRun`), as Lighthouse
 * advises for scores that vary from run to run.
 */
async function auditPage(
  page: SitePage,
  origin: string,
  port: number,
  runs: number,
): Promise<PageResult> {
  const url = new URL(page.path, origin).href;
  const results: Result[] = [];
  for (let run = 0; run < runs; run += 1) {
    const runner = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    const result = runner?.lhr;
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    if (result.runtimeError) throw new Error(`${url}: ${result.runtimeError.message}`);
    results.push(result);
  }
  const valid = filterToValidRuns(results);
  const lhr = valid.length > 0 ? computeMedianRun(valid) : results[0]!;
  const scores = Object.fromEntries(
    categories.map((category) => [
      category,
      Math.round((lhr.categories[category]?.score ?? 0) * 100),
    ]),
  ) as Scores;
  const losses = categories
    .filter((category) => scores[category] < targets[category])
    .flatMap((category) => lostAudits(lhr, category));
  const browser = /Chrome\/([\d.]+)/.exec(lhr.environment.hostUserAgent)?.[1] ?? '?';
  return {
    path: page.path,
    scores,
    losses,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    tools: `Lighthouse ${lhr.lighthouseVersion}, Chromium ${browser}`,
  };
}

/** The Markdown table of scores, one row per page and a row of minimums. */
function scoreTable(results: readonly PageResult[]): string {
  const minimum = (category: Category) => Math.min(...results.map((r) => r.scores[category]));
  const row = (label: string, values: readonly number[]) =>
    `| ${label} | ${values.map((v) => String(v).padStart(3)).join(' | ')} |`;
  return [
    `| page | ${categories.join(' | ')} |`,
    `|---|${categories.map(() => '---:').join('|')}|`,
    ...results.map((r) =>
      row(
        `\`${r.path}\``,
        categories.map((c) => r.scores[c]),
      ),
    ),
    row('**minimum**', categories.map(minimum)),
    row(
      'target',
      categories.map((c) => targets[c]),
    ),
  ].join('\n');
}

function verdict(results: readonly PageResult[]): string {
  const missed = categories.filter((c) => results.some((r) => r.scores[c] < targets[c]));
  return missed.length === 0
    ? 'All targets hold on every page.'
    : `Targets missed in: ${missed.join(', ')}.`;
}

async function main(): Promise<void> {
  if (!existsSync(chromiumPath)) {
    console.log(`Lighthouse: skipped (no Chromium at ${chromiumPath}).`);
    return;
  }
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const runsArgument = process.argv.find((arg) => arg.startsWith('--runs='));
  const runs =
    runsArgument === undefined ? defaultRuns : Number(runsArgument.slice('--runs='.length));
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
  await ensureBuilt();
  const pages = sitePages().filter(
    (page) =>
      !page.path.startsWith('/harness/') &&
      (filters.length === 0 || filters.some((f) => page.path.includes(f))),
  );
  const server = await startPreview();
  const chrome = await launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags });
  const results: PageResult[] = [];
  try {
    for (const page of pages) {
      const result = await auditPage(page, server.url, chrome.port, runs);
      results.push(result);
      const scores = categories.map((c) => result.scores[c]).join(' / ');
      console.log(`${page.path}: ${scores} (CPU benchmark ${result.benchmarkIndex.toFixed(0)})`);
      for (const loss of result.losses) console.log(`  ${loss}`);
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
  const table = scoreTable(results);
  const indices = results.map((r) => r.benchmarkIndex);
  const load =
    `Lighthouse's CPU benchmark index ranged ${Math.min(...indices).toFixed(0)}–` +
    `${Math.max(...indices).toFixed(0)} over the run.`;
  console.log(`\n${table}\n\n${verdict(results)} ${load}`);

  if (process.argv.includes('--readme') && filters.length === 0 && results[0]) {
    const date = new Date().toISOString().slice(0, 10);
    writeReadmeSection(
      'lighthouse',
      [
        `Measured ${date} with \`npm run bench:lighthouse -- --readme\` (${results[0].tools}), ` +
          `on a shared ${cpus().length}-core machine (load average ${loadavg()[0]!.toFixed(1)} ` +
          `at the end), the median of ${runs} runs per page; simulated throttling scales the CPU ` +
          'time observed here, so performance scores move from run to run.',
        '',
        table,
        '',
        `${verdict(results)} ${load}`,
      ].join('\n'),
    );
  }
}

await main();
