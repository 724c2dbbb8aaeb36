/**
 * The charts of the "In a training loop" page and of the scheduler pages, checked with the chart
 * widget's own model: every `<ScheduleChart>` is read from the MDX source, its props evaluated
 * (a spread `{...galleryCharts.X}` gives the props of `src/gallery/charts.ts`), and the chart
 * must build and sample without error, identically in both languages. Every scheduler class the
 * engine exports has a page `schedulers/<kebab-name>` in each language whose chart is its entry
 * of `galleryCharts`, followed by its snippet pair `gallery/<kebab-name>`; the chart draws exactly
 * what that snippet's TypeScript half prints (the snippet test in turn checks the TypeScript half
 * against PyTorch); and the gallery overview shows a card for every class, once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../helpers/scheduler-classes.ts';
import * as engine from '../../src/scheduler/index.ts';
import { galleryCharts, schedulerSlug } from '../../src/gallery/charts.ts';
import { locales } from '../../src/i18n/locales.ts';
import {
  chartSpecFromProps,
  evaluate,
  type ScheduleChartProps,
} from '../../src/widgets/schedule-chart/model.ts';
import {
  docsRoot,
  extractNumbers,
  numbersAgree,
  runSnippet,
  snippetRoot,
} from '../../scripts/snippets/snippets.ts';

/** A JSX element of an MDX page: its name and its props, evaluated. */
interface Element {
  name: string;
  props: Record<string, unknown>;
}

/** Index just past the `{…}` expression that starts at `start`, skipping braces inside strings. */
function expressionEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i += 1) {
    const c = source[i];
    if (c === "'" || c === '"' || c === '`') {
      i += 1;
      while (i < source.length && source[i] !== c) i += source[i] === '\\' ? 2 : 1;
    } else if (c === '{') {
      depth += 1;
    } else if (c === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced braces from offset ${start}`);
}

/**
 * The props of the element whose attributes start at `start`: `name="text"`, `name={expression}`
 * (evaluated as JavaScript, as MDX does) or a bare `name` (true), up to the closing `/>` or `>`.
 */
function parseProps(source: string, start: number): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  let i = start;
  for (;;) {
    while (/\s/.test(source[i] ?? '')) i += 1;
    if (source.startsWith('/>', i) || source[i] === '>') return props;
    const spread = /^\{\.\.\.galleryCharts\.(\w+)\}/.exec(source.slice(i));
    if (spread) {
      const chart = galleryCharts[spread[1] as keyof typeof galleryCharts];
      if (chart === undefined) throw new Error(`no galleryCharts.${spread[1]}`);
      Object.assign(props, chart);
      i += spread[0].length;
      continue;
    }
    const name = /^[A-Za-z_][\w-]*/.exec(source.slice(i))?.[0];
    if (name === undefined) throw new Error(`cannot read an attribute at offset ${i}`);
    i += name.length;
    if (source[i] !== '=') {
      props[name] = true;
      continue;
    }
    i += 1;
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      const end = source.indexOf(quote, i + 1);
      props[name] = source.slice(i + 1, end);
      i = end + 1;
    } else {
      const end = expressionEnd(source, i);
      props[name] = new Function(`return (${source.slice(i + 1, end - 1)});`)();
      i = end;
    }
  }
}

/** The `ScheduleChart` and `SnippetPair` elements of a page, in document order. */
function elements(locale: string, page: string): Element[] {
  const source = readFileSync(join(docsRoot, locale, `${page}.mdx`), 'utf8')
    // Fenced code shows components as text; blank it out, keeping offsets.
    .replace(/^```[^\n]*\n[\s\S]*?^```$/gm, (block) => block.replace(/[^\n]/g, ' '));
  return [...source.matchAll(/<(ScheduleChart|SnippetPair)\b/g)].map((match) => ({
    name: match[1]!,
    props: parseProps(source, match.index + match[0].length),
  }));
}

/** Props as comparable text, functions by their source. */
const propsText = (props: unknown) =>
  JSON.stringify(props, (_key, value: unknown) =>
    typeof value === 'function' ? `function ${String(value)}` : value,
  );

const charts = (list: Element[]) => list.filter((element) => element.name === 'ScheduleChart');

/** `CosineAnnealingLR` → `cosine-annealing-lr`, computed here rather than by `schedulerSlug`. */
const kebab = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

/** Every scheduler class the engine exports: classes with `getLastLr`, except the base class. */
const schedulerClasses = Object.entries(engine)
  .filter(
    ([, value]) =>
      typeof value === 'function' &&
      value !== engine.LRScheduler &&
      typeof (value as { prototype?: { getLastLr?: unknown } }).prototype?.getLastLr === 'function',
  )
  .map(([name]) => name)
  .sort();

const pages = ['training-loop', ...schedulerClasses.map((name) => `schedulers/${kebab(name)}`)];

describe.each(pages)('%s', (page) => {
  const byLocale = locales.map((locale) => ({ locale, elements: elements(locale, page) }));

  it('has charts', () => {
    for (const { elements: list } of byLocale) expect(charts(list).length).toBeGreaterThan(0);
  });

  it('shows the same charts with the same props, and the same snippets, in every language', () => {
    const [first, ...others] = byLocale;
    for (const other of others) {
      expect(other.elements.map((e) => `${e.name} ${propsText(e.props)}`)).toEqual(
        first!.elements.map((e) => `${e.name} ${propsText(e.props)}`),
      );
    }
  });

  it('builds and samples every chart with the widget model', () => {
    for (const { locale, elements: list } of byLocale) {
      for (const [i, chart] of charts(list).entries()) {
        const spec = chartSpecFromProps(chart.props as unknown as ScheduleChartProps);
        const evaluation = evaluate(spec);
        expect(evaluation, `${locale}/${page} chart ${i + 1}`).toMatchObject({ ok: true });
      }
    }
  });
});

describe('scheduler pages', () => {
  it('exist for every exported scheduler class, in the order of galleryCharts', () => {
    expect(schedulerClasses.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(galleryCharts).sort()).toEqual(schedulerClasses);
    for (const name of schedulerClasses) expect(schedulerSlug(name)).toBe(kebab(name));
  });

  it.each(schedulerClasses)(
    'the %s page shows its gallery chart, then its snippet pair, in every language',
    (name) => {
      for (const locale of locales) {
        const list = elements(locale, `schedulers/${kebab(name)}`);
        expect(list).toEqual([
          { name: 'ScheduleChart', props: galleryCharts[name as keyof typeof galleryCharts] },
          { name: 'SnippetPair', props: { src: `gallery/${kebab(name)}` } },
        ]);
        expect(galleryCharts[name as keyof typeof galleryCharts].scheduler).toBe(name);
      }
    },
  );

  it.each(locales)('the %s gallery overview has a card for every class, once', (locale) => {
    const source = readFileSync(join(docsRoot, locale, 'gallery.mdx'), 'utf8');
    const cards = [...source.matchAll(/<SchedulerCards names=\{(\[[^\]]*\])\}/g)].flatMap(
      (match) => JSON.parse(match[1]!) as string[],
    );
    expect(cards).toEqual(Object.keys(galleryCharts));
  });

  it.concurrent.each(Object.entries(galleryCharts))(
    'the %s chart draws what its TypeScript snippet prints',
    async (name, chart) => {
      const evaluation = evaluate(chartSpecFromProps(chart as ScheduleChartProps));
      if (!evaluation.ok) throw new Error(`${name}: ${evaluation.problem.key}`);
      const [curve] = evaluation.curves;
      const result = await runSnippet(join(snippetRoot, 'gallery', `${kebab(name)}.ts`));
      expect(result.code, result.stderr).toBe(0);
      // Each line is the epoch (fractional when stepping per batch) and its learning rate.
      const numbers = extractNumbers(result.stdout);
      expect(numbers.length).toBe(2 * curve!.lr.length);
      for (let k = 0; k < curve!.lr.length; k += 1) {
        const [x, lr] = [numbers[2 * k]!, numbers[2 * k + 1]!];
        expect(numbersAgree(x, curve!.x[k]!), `${name} step ${k}: epoch ${x}`).toBe(true);
        expect(numbersAgree(lr, curve!.lr[k]!), `${name} step ${k}: lr ${lr}`).toBe(true);
      }
    },
    30_000,
  );
});
