/**
 * Size budgets of the built site, measured from `dist/` as a browser would load it.
 *
 * For every HTML page it resolves what the page loads: module and classic scripts with their static
 * `import`s (followed transitively through the built chunks), inline scripts, stylesheets with their
 * `@import`s, inline styles, images and icons. The dynamic `import()`s of one up-front module
 * load together — a widget's element script imports its controller and Chart.js at once when the
 * widget scrolls into view — and make one lazy load, with the workers they start through
 * `new URL('…js', import.meta.url)` and everything they import statically that the page has not
 * loaded yet. A dynamic `import()` inside that widget code (e.g. a code generator fetched on the
 * reader's first edit, or a worker module started on the first click) is a deferred load of its own:
 * reported and budgeted separately, on top of the widget load that triggers it.
 * Sizes are gzip level 9 (`node:zlib`), so they are deterministic; 1 kB = 1000 bytes.
 *
 * Budgets (see {@link limits}):
 * - JavaScript a page loads up front, before any chart is on screen: ≤ 15 kB;
 * - each lazy load of widget code (all that loads when a chart scrolls into view): ≤ 65 kB, and each
 *   deferred load of widget code on top of it: ≤ 65 kB as well — the search UI, loaded only when the
 *   reader opens the search dialog, is reported but not budgeted;
 * - CSS per page: ≤ 40 kB;
 * - a page's first load (HTML, up-front JavaScript, CSS, images; fonts excluded): ≤ 300 kB;
 * - no KaTeX JavaScript anywhere (math is rendered at build time).
 *
 * Run `npx node scripts/gates/budgets.ts` for a table of every page (`--dist <dir>`, `--base /lr/`
 * for another build, `--markdown` for a Markdown table); it exits with 1 when a budget is broken.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { defaultDist, normalizeBase, resolveSitePath, sitePages, type SitePage } from './dist.ts';
import { parseHtml } from './html.ts';

/** Budget limits in gzip bytes. */
export const limits = {
  /** JavaScript a page loads before any chart is on screen. */
  initialJs: 15_000,
  /**
   * One lazy load of widget code, e.g. a chart's controller with Chart.js and the engine; also each
   * deferred load on top of one.
   */
  lazyWidget: 65_000,
  /** CSS a page loads (stylesheets and inline `<style>`). */
  css: 40_000,
  /** Everything a page loads up front except fonts. */
  firstLoad: 300_000,
} as const;

/** What a module refers to, resolved to build files. */
interface ModuleImports {
  static: string[];
  dynamic: string[];
  /** Scripts it starts as workers (`new URL('…js', import.meta.url)`). */
  workers: string[];
}

/** One file (or inline block) a page loads. */
export interface Asset {
  /** Path relative to the build folder (`_astro/page.x.js`), or `inline script 2 (module)` etc. */
  readonly name: string;
  readonly bytes: number;
  /** Size after gzip level 9. */
  readonly gzip: number;
}

/**
 * What loads when one up-front module runs its dynamic `import()`s — e.g. a widget's element
 * script importing its controller and Chart.js together once the widget scrolls into view — on
 * top of what the page already has.
 */
export interface LazyLoad {
  /** The up-front module whose `import()`s these are (the widget's or the search's entry script). */
  readonly trigger: string;
  /** The chunks its `import()`s (and worker URLs) name. */
  readonly targets: readonly string[];
  /**
   * `search` for Starlight's search UI (Pagefind); `widget` for what an up-front module's
   * `import()`s load; `deferred` for what a `widget` load's own `import()`s load later.
   */
  readonly kind: 'search' | 'widget' | 'deferred';
  /**
   * What loads: for `widget`, the targets with their static imports and workers; for `deferred` and
   * `search`, the targets and everything they import, statically or dynamically. Never what the
   * page loaded up front, nor (for `deferred`) what the triggering widget load brought.
   */
  readonly assets: readonly Asset[];
}

/** Everything one page loads, measured. */
export interface PageBudget {
  readonly page: SitePage;
  readonly html: Asset;
  /** Scripts loaded up front: external scripts with their static imports, and inline scripts. */
  readonly initialJs: readonly Asset[];
  readonly lazy: readonly LazyLoad[];
  /** Stylesheets (with `@import`s) and inline `<style>` elements. */
  readonly css: readonly Asset[];
  /** Images and icons: `<img>`, `<link rel="icon">`, non-font `url()`s in the CSS. */
  readonly images: readonly Asset[];
  /** Font files the CSS refers to (not part of any budget). */
  readonly fonts: readonly string[];
  /** References to scripts, styles or images that are not files of the build. */
  readonly unresolved: readonly string[];
  /** Loaded JavaScript files that are (or contain) KaTeX. */
  readonly katex: readonly string[];
}

/** Sums of one page, in gzip bytes. */
export interface PageTotals {
  readonly initialJs: number;
  readonly css: number;
  readonly firstLoad: number;
  /** Largest widget lazy load (0 when the page has none). */
  readonly lazyWidget: number;
  /** Largest deferred load of widget code (0 when the page has none). */
  readonly lazyDeferred: number;
  /** Largest search lazy load (0 when the page has none). */
  readonly lazySearch: number;
}

const fontExtension = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;
const nonExecutableScriptType =
  /^(application\/(ld\+)?json|importmap|speculationrules|text\/(plain|template|html|x-template))$/i;

/** Whether a JavaScript file is KaTeX: by name, or by a message only KaTeX's parser contains. */
export function isKatexJs(name: string, source: string): boolean {
  return /katex/i.test(name) || source.includes('KaTeX parse error');
}

function measure(name: string, content: string | Buffer): Asset {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, bytes: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length };
}

/** Sum of gzip sizes. */
export function gzipTotal(assets: readonly Asset[]): number {
  return assets.reduce((sum, asset) => sum + asset.gzip, 0);
}

/** Measures the pages of one build, sharing file reads and module parses between pages. */
class BuildReader {
  readonly #files = new Map<string, Asset>();
  readonly #sources = new Map<string, string>();
  readonly #imports = new Map<string, ModuleImports>();

  readonly dist: string;
  readonly base: string;

  constructor(dist: string, base: string) {
    this.dist = dist;
    this.base = base;
  }

  asset(file: string): Asset {
    let asset = this.#files.get(file);
    if (!asset) {
      asset = measure(file, readFileSync(join(this.dist, file)));
      this.#files.set(file, asset);
    }
    return asset;
  }

  source(file: string): string {
    let source = this.#sources.get(file);
    if (source === undefined) {
      source = readFileSync(join(this.dist, file), 'utf8');
      this.#sources.set(file, source);
    }
    return source;
  }

  /** The build file a reference resolves to from `fromPath` (a URL path), or `undefined`. */
  resolve(reference: string, fromPath: string): string | undefined {
    const origin = 'http://gates.invalid';
    const url = new URL(reference, origin + fromPath);
    if (url.origin !== origin) return undefined;
    return resolveSitePath(this.dist, this.base, url.pathname);
  }

  /** URL path a build file is served at. */
  urlPath(file: string): string {
    return normalizeBase(this.base) + file;
  }

  /**
   * Static and dynamic imports of a module, resolved to build files. Specifiers that cannot be
   * resolved (computed `import()`s such as Pagefind's) are recorded in `unresolved`.
   */
  imports(key: string, source: string, fromPath: string, unresolved: Set<string>): ModuleImports {
    const cached = this.#imports.get(key);
    if (cached) return cached;
    const result: ModuleImports = { static: [], dynamic: [], workers: [] };
    const [imports] = parseModule(source);
    for (const entry of imports) {
      if (entry.d === -2) continue; // import.meta
      const specifier = entry.n;
      const file = specifier === undefined ? undefined : this.resolve(specifier, fromPath);
      if (file === undefined) {
        // A computed dynamic import (`import(base + 'pagefind.js')`) has no static specifier.
        if (specifier !== undefined || entry.d === -1) {
          unresolved.add(`import ${specifier ?? source.slice(entry.s, entry.e)} in ${key}`);
        }
        continue;
      }
      (entry.d === -1 ? result.static : result.dynamic).push(file);
    }
    // Workers (and other scripts) are loaded through `new URL('…/worker-x.js', import.meta.url)`.
    for (const match of source.matchAll(/new\s+URL\(\s*["'`]([^"'`$]+\.m?js)["'`]/g)) {
      const file = this.resolve(match[1]!, fromPath);
      if (file) result.workers.push(file);
      else unresolved.add(`new URL(${match[1]}) in ${key}`);
    }
    // Vite's preload helper lists a lazy chunk's CSS as string literals next to the import().
    for (const match of source.matchAll(/["'`](\/?[^"'`\s]*_astro\/[^"'`\s]+\.css)["'`]/g)) {
      const file = this.resolve(match[1]!.startsWith('/') ? match[1]! : `/${match[1]!}`, '/');
      if (file) result.dynamic.push(file);
    }
    if (!key.startsWith('inline')) this.#imports.set(key, result);
    return result;
  }

  /** A JS module and everything it imports statically, transitively (module order, no repeats). */
  staticClosure(files: Iterable<string>, unresolved: Set<string>): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (!file.endsWith('.js') && !file.endsWith('.mjs')) return;
      for (const next of this.imports(file, this.source(file), this.urlPath(file), unresolved)
        .static)
        visit(next);
    };
    for (const file of files) visit(file);
    return [...seen];
  }

  /**
   * Modules and what they load with them: static imports and the workers they start, transitively
   * (so a worker's own imports too), but not their dynamic `import()`s.
   */
  loadClosure(files: Iterable<string>, unresolved: Set<string>): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (!file.endsWith('.js') && !file.endsWith('.mjs')) return;
      const { static: statics, workers } = this.imports(
        file,
        this.source(file),
        this.urlPath(file),
        unresolved,
      );
      for (const next of [...statics, ...workers]) visit(next);
    };
    for (const file of files) visit(file);
    return [...seen];
  }

  /** Dynamic-import targets of a set of modules. */
  dynamicTargets(files: Iterable<string>, unresolved: Set<string>): string[] {
    const targets = new Set<string>();
    for (const file of files) {
      if (!file.endsWith('.js') && !file.endsWith('.mjs')) continue;
      const { dynamic, workers } = this.imports(
        file,
        this.source(file),
        this.urlPath(file),
        unresolved,
      );
      for (const target of [...dynamic, ...workers]) targets.add(target);
    }
    return [...targets];
  }

  /** Everything reachable from a module through static and dynamic imports. */
  fullClosure(root: string, unresolved: Set<string>): string[] {
    const seen = new Set<string>();
    const queue = [root];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (!file.endsWith('.js') && !file.endsWith('.mjs')) continue;
      const {
        static: statics,
        dynamic,
        workers,
      } = this.imports(file, this.source(file), this.urlPath(file), unresolved);
      queue.push(...statics, ...dynamic, ...workers);
    }
    return [...seen];
  }

  /** A stylesheet, its `@import`s (transitively), and the `url()`s they refer to. */
  stylesheetClosure(
    file: string,
    unresolved: Set<string>,
    into: { sheets: Set<string>; urls: Set<string> },
  ): void {
    if (into.sheets.has(file)) return;
    into.sheets.add(file);
    this.cssReferences(this.source(file), this.urlPath(file), unresolved, into);
  }

  cssReferences(
    css: string,
    fromPath: string,
    unresolved: Set<string>,
    into: { sheets: Set<string>; urls: Set<string> },
  ): void {
    for (const match of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/g)) {
      const file = this.resolve(match[1]!, fromPath);
      if (file) this.stylesheetClosure(file, unresolved, into);
      else unresolved.add(`@import ${match[1]} in ${fromPath}`);
    }
    for (const match of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
      const reference = match[2]!.trim();
      if (/^(data:|#)/i.test(reference)) continue;
      const file = this.resolve(reference, fromPath);
      if (file) into.urls.add(file);
      else unresolved.add(`url(${reference}) in ${fromPath}`);
    }
  }

  page(page: SitePage): PageBudget {
    const html = this.source(page.file);
    const elements = parseHtml(html);
    const unresolved = new Set<string>();
    const entryFiles: string[] = [];
    const inlineJs: Asset[] = [];
    const inlineModules: { key: string; source: string }[] = [];
    const styles = { sheets: new Set<string>(), urls: new Set<string>() };
    const inlineCss: Asset[] = [];
    const imageFiles = new Set<string>();
    let inlineScriptCount = 0;
    let inlineStyleCount = 0;

    const reference = (value: string, what: string): string | undefined => {
      const file = this.resolve(value, page.path);
      if (!file) unresolved.add(`${what} ${value}`);
      return file;
    };

    for (const element of elements) {
      const { name, attrs } = element;
      if (name === 'script') {
        const type = (attrs.get('type') ?? '').trim();
        if (nonExecutableScriptType.test(type)) continue;
        const src = attrs.get('src');
        if (src !== undefined) {
          const file = reference(src, 'script');
          if (file) entryFiles.push(file);
        } else if ((element.text ?? '').trim() !== '') {
          inlineScriptCount++;
          const label = `inline script ${inlineScriptCount}${type === 'module' ? ' (module)' : ''}`;
          inlineJs.push(measure(label, element.text ?? ''));
          if (type === 'module')
            inlineModules.push({
              key: `inline:${page.path}:${inlineScriptCount}`,
              source: element.text ?? '',
            });
        }
      } else if (name === 'link') {
        const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
        const href = attrs.get('href');
        if (href === undefined) continue;
        if (rel.includes('stylesheet')) {
          const file = reference(href, 'stylesheet');
          if (file) this.stylesheetClosure(file, unresolved, styles);
        } else if (rel.includes('modulepreload')) {
          const file = reference(href, 'modulepreload');
          if (file) entryFiles.push(file);
        } else if (rel.includes('icon') || rel.includes('apple-touch-icon')) {
          const file = reference(href, 'icon');
          if (file) imageFiles.add(file);
        }
      } else if (name === 'style') {
        inlineStyleCount++;
        inlineCss.push(measure(`inline style ${inlineStyleCount}`, element.text ?? ''));
        this.cssReferences(element.text ?? '', page.path, unresolved, styles);
      } else if (name === 'img' || name === 'source' || name === 'input') {
        const src = attrs.get('src');
        if (src !== undefined && !src.startsWith('data:')) {
          const file = reference(src, name);
          if (file) imageFiles.add(file);
        }
        const srcset = attrs.get('srcset');
        const first = srcset?.split(',')[0]?.trim().split(/\s+/)[0];
        if (first && !first.startsWith('data:')) {
          const file = reference(first, `${name} srcset`);
          if (file) imageFiles.add(file);
        }
      }
    }

    const initialFiles = this.staticClosure(entryFiles, unresolved);
    for (const module of inlineModules) {
      const { static: statics } = this.imports(module.key, module.source, page.path, unresolved);
      for (const file of this.staticClosure(statics, unresolved)) {
        if (!initialFiles.includes(file)) initialFiles.push(file);
      }
    }
    const initial = new Set(initialFiles);
    // Each up-front module's dynamic imports load together (Promise.all in the widgets' elements).
    const triggers: { trigger: string; targets: string[] }[] = [
      ...initialFiles.map((file) => ({
        trigger: file,
        targets: this.dynamicTargets([file], unresolved),
      })),
      ...inlineModules.map((module) => ({
        trigger: `${module.key.replace(/^inline:[^:]*:/, 'inline script ')} (module)`,
        targets: this.imports(module.key, module.source, page.path, unresolved).dynamic,
      })),
    ]
      .map(({ trigger, targets }) => ({
        trigger,
        targets: [...new Set(targets)].filter((target) => !initial.has(target)),
      }))
      .filter(({ targets }) => targets.length > 0);
    const lazy: LazyLoad[] = [];
    for (const { trigger, targets } of triggers) {
      const search = targets.some((target) => /pagefind/i.test(this.source(target)));
      if (search) {
        const files = [
          ...new Set(targets.flatMap((target) => this.fullClosure(target, unresolved))),
        ].filter((file) => !initial.has(file));
        lazy.push({ trigger, targets, kind: 'search', assets: files.map((f) => this.asset(f)) });
        continue;
      }
      const files = this.loadClosure(targets, unresolved).filter((file) => !initial.has(file));
      lazy.push({ trigger, targets, kind: 'widget', assets: files.map((f) => this.asset(f)) });
      // What the widget code imports dynamically loads later, one load per importing module.
      const loaded = new Set([...initial, ...files]);
      for (const file of files) {
        const later = this.dynamicTargets([file], unresolved).filter((t) => !loaded.has(t));
        if (later.length === 0) continue;
        const deferred = [
          ...new Set(later.flatMap((target) => this.fullClosure(target, unresolved))),
        ].filter((f) => !loaded.has(f));
        lazy.push({
          trigger: file,
          targets: later,
          kind: 'deferred',
          assets: deferred.map((f) => this.asset(f)),
        });
      }
    }

    const katex = [
      ...initialFiles,
      ...lazy.flatMap((load) => load.assets.map((asset) => asset.name)),
    ]
      .filter((file) => /\.m?js$/.test(file))
      .filter((file) => isKatexJs(file, this.source(file)));

    const fonts = [...styles.urls].filter((file) => fontExtension.test(file));
    for (const file of styles.urls) if (!fontExtension.test(file)) imageFiles.add(file);

    return {
      page,
      html: this.asset(page.file),
      initialJs: [...initialFiles.map((file) => this.asset(file)), ...inlineJs],
      lazy,
      css: [...[...styles.sheets].map((file) => this.asset(file)), ...inlineCss],
      images: [...imageFiles].map((file) => this.asset(file)),
      fonts,
      unresolved: [...unresolved],
      katex: [...new Set(katex)],
    };
  }
}

/**
 * Measure every page of a build.
 *
 * @param dist - Build folder (default `dist/`).
 * @param base - Base path the build was made for (default `/`).
 * @returns One {@link PageBudget} per HTML page, sorted by URL path.
 * @throws {Error} When the build folder does not exist.
 */
export async function measureBudgets(
  dist: string = defaultDist,
  base = '/',
): Promise<PageBudget[]> {
  await initLexer;
  const reader = new BuildReader(dist, base);
  return sitePages(dist, base).map((page) => reader.page(page));
}

/**
 * The sums a page's budgets apply to.
 *
 * Inline scripts and styles count towards the JavaScript and CSS budgets on their own and are part
 * of the HTML in the first-load total (so they are not counted twice there).
 */
export function pageTotals(budget: PageBudget): PageTotals {
  const external = (assets: readonly Asset[]) =>
    assets.filter((asset) => !asset.name.startsWith('inline '));
  const largest = (kind: LazyLoad['kind']) =>
    Math.max(
      0,
      ...budget.lazy.filter((load) => load.kind === kind).map((load) => gzipTotal(load.assets)),
    );
  return {
    initialJs: gzipTotal(budget.initialJs),
    css: gzipTotal(budget.css),
    firstLoad:
      budget.html.gzip +
      gzipTotal(external(budget.initialJs)) +
      gzipTotal(external(budget.css)) +
      gzipTotal(budget.images),
    lazyWidget: largest('widget'),
    lazyDeferred: largest('deferred'),
    lazySearch: largest('search'),
  };
}

/** `12.3 kB`. */
export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function biggest(assets: readonly Asset[]): string {
  return [...assets]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 3)
    .map((asset) => `${asset.name} ${kB(asset.gzip)}`)
    .join(', ');
}

/**
 * Every broken budget, as a sentence naming the page and the files that make up most of the excess.
 *
 * @param budgets - From {@link measureBudgets}.
 * @returns Empty when every budget holds.
 */
export function budgetViolations(budgets: readonly PageBudget[]): string[] {
  const problems: string[] = [];
  for (const budget of budgets) {
    const page = budget.page.path;
    const totals = pageTotals(budget);
    if (totals.initialJs > limits.initialJs) {
      problems.push(
        `${page}: JavaScript loaded up front is ${kB(totals.initialJs)} gzip (limit ${kB(limits.initialJs)}); largest: ${biggest(budget.initialJs)}`,
      );
    }
    for (const load of budget.lazy) {
      const size = gzipTotal(load.assets);
      if (load.kind !== 'search' && size > limits.lazyWidget) {
        const how = load.kind === 'widget' ? 'lazily' : 'deferred';
        problems.push(
          `${page}: widget code loaded ${how} by ${load.trigger} (${load.targets.join(', ')}) is ${kB(size)} gzip (limit ${kB(limits.lazyWidget)}); largest: ${biggest(load.assets)}`,
        );
      }
    }
    if (totals.css > limits.css) {
      problems.push(
        `${page}: CSS is ${kB(totals.css)} gzip (limit ${kB(limits.css)}); largest: ${biggest(budget.css)}`,
      );
    }
    if (totals.firstLoad > limits.firstLoad) {
      const all = [budget.html, ...budget.initialJs, ...budget.css, ...budget.images];
      problems.push(
        `${page}: first load is ${kB(totals.firstLoad)} gzip without fonts (limit ${kB(limits.firstLoad)}); largest: ${biggest(all)}`,
      );
    }
    for (const file of budget.katex) problems.push(`${page}: loads KaTeX JavaScript ${file}`);
    for (const reference of budget.unresolved) {
      // Pagefind's runtime is imported with a computed URL; it is part of search, not a page load.
      if (/^import .*pagefind/i.test(reference)) continue;
      problems.push(`${page}: cannot resolve ${reference}`);
    }
  }
  return problems;
}

/**
 * The budgets as a text (or Markdown) table, one row per page.
 *
 * @param budgets - From {@link measureBudgets}.
 * @param markdown - Markdown table instead of aligned columns.
 */
export function budgetTable(budgets: readonly PageBudget[], markdown = false): string {
  const header = [
    'page',
    'HTML',
    'JS up front',
    'widget lazy (max)',
    'deferred (max)',
    'search lazy',
    'CSS',
    'first load',
  ];
  const rows = budgets.map((budget) => {
    const totals = pageTotals(budget);
    return [
      budget.page.path,
      kB(budget.html.gzip),
      `${kB(totals.initialJs)} (${budget.initialJs.length})`,
      totals.lazyWidget ? kB(totals.lazyWidget) : '—',
      totals.lazyDeferred ? kB(totals.lazyDeferred) : '—',
      totals.lazySearch ? kB(totals.lazySearch) : '—',
      kB(totals.css),
      kB(totals.firstLoad),
    ];
  });
  const limitsRow = [
    'limit',
    '',
    kB(limits.initialJs),
    kB(limits.lazyWidget),
    kB(limits.lazyWidget),
    '',
    kB(limits.css),
    kB(limits.firstLoad),
  ];
  if (markdown) {
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    return [
      line(header),
      line(header.map((_, i) => (i === 0 ? '---' : '---:'))),
      ...rows.map(line),
      line(limitsRow),
    ].join('\n');
  }
  const all = [header, ...rows, limitsRow];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  return all
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join('  '),
    )
    .join('\n');
}

/**
 * One line per distinct lazy load of the build: the module that triggers it, its kind, gzip size
 * and files. Where a page loaded part of it up front already, the largest version is listed.
 *
 * @param budgets - From {@link measureBudgets}.
 */
export function lazyLoadList(budgets: readonly PageBudget[]): string {
  const largest = new Map<string, LazyLoad>();
  for (const budget of budgets) {
    for (const load of budget.lazy) {
      const previous = largest.get(load.trigger);
      if (!previous || gzipTotal(previous.assets) < gzipTotal(load.assets)) {
        largest.set(load.trigger, load);
      }
    }
  }
  return [...largest.values()]
    .map(
      (load) =>
        `${load.kind} ${load.trigger}: ${kB(gzipTotal(load.assets))} gzip (${load.assets
          .map((asset) => `${asset.name} ${kB(asset.gzip)}`)
          .join(', ')})`,
    )
    .sort()
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: defaultDist },
      base: { type: 'string', default: '/' },
      markdown: { type: 'boolean', default: false },
    },
  });
  const budgets = await measureBudgets(values.dist, values.base);
  console.log(budgetTable(budgets, values.markdown));
  const lazy = lazyLoadList(budgets);
  if (lazy) console.log(`\nLazy loads (largest on any page):\n${lazy}`);
  const problems = budgetViolations(budgets);
  if (problems.length > 0) {
    console.error(
      `\n${problems.length} budget problem(s):\n${problems.map((problem) => `- ${problem}`).join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    console.log('\nAll budgets hold.');
  }
}
