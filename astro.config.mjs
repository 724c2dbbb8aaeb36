// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { defaultLocale, localeInfo, locales } from './src/i18n/locales.ts';
import { ui } from './src/i18n/ui.ts';
import { galleryCharts, schedulerSlug } from './src/gallery/charts.ts';
import { katexFontPreload } from './src/build/katex-font-preload.ts';

/**
 * Public origin of the deployed site. A placeholder until the site has a real home: it only
 * appears in absolute URLs (canonical links, hreflang alternates, `sitemap-index.xml`), never in
 * a request the pages make. Change it here and nowhere else.
 */
export const SITE = 'https://lr-schedules.example';

/**
 * Articles in sidebar order, by slug (file name without extension, identical in both trees).
 * An article appears once its default-locale file exists, so the site builds while some
 * articles are still being written (Starlight rejects sidebar slugs without an entry).
 */
const articles = /** @type {const} */ ([
  'index',
  'saddle-points',
  'cosine-annealing',
  'warm-restarts',
  'training-loop',
  'api-mapping',
  'gallery',
  'playground',
]);

/** @param {string} slug */
function articleExists(slug) {
  const base = new URL(`./content/docs/${defaultLocale}/${slug}`, import.meta.url);
  return existsSync(new URL(`${base.href}.mdx`)) || existsSync(new URL(`${base.href}.md`));
}

/** @param {(typeof articles)[number]} slug */
function sidebarItem(slug) {
  const key = /** @type {const} */ (`nav.${slug}`);
  return {
    slug,
    label: ui[defaultLocale][key],
    translations: Object.fromEntries(
      locales.map((locale) => [localeInfo[locale].lang, ui[locale][key]]),
    ),
  };
}

/**
 * rehype-katex reports TeX it cannot parse as a file message and renders it as red source text.
 * Turning those messages into a build error keeps broken formulas from being published.
 */
/**
 * A display formula wider than the column scrolls sideways; keyboard users can only scroll it
 * if it can take focus (axe: scrollable-region-focusable), so every display gets tabindex 0.
 */
function rehypeFocusableMathDisplays() {
  /** @param {any} node */
  const visit = (node) => {
    const classes = node.properties?.className;
    if (node.type === 'element' && Array.isArray(classes) && classes.includes('katex-display')) {
      node.properties.tabIndex = 0;
    }
    for (const child of node.children ?? []) visit(child);
  };
  return visit;
}

function rehypeFailOnKatexErrors() {
  /** @param {unknown} _tree @param {import('vfile').VFile} file */
  return (_tree, file) => {
    const errors = file.messages.filter((message) => message.source === 'rehype-katex');
    if (errors.length === 0) return;
    const lines = errors.map((message) => {
      const where = message.line === undefined ? '' : `${message.line}:${message.column ?? 0} `;
      const cause = message.cause instanceof Error ? message.cause.message : message.reason;
      return `  ${where}${cause}`;
    });
    throw new Error(`KaTeX could not render math in ${file.path}:\n${lines.join('\n')}`);
  };
}

/**
 * The sitemap Starlight would add, with one fix: `@astrojs/sitemap` files every URL outside a
 * locale folder under the default locale, so the language chooser at `/` would be listed as the
 * Chinese alternate of `/en/`. The chooser belongs to no language: it keeps its `<url>` entry but
 * takes part in no hreflang group.
 */
function bilingualSitemap() {
  const root = new URL('/', SITE).href;
  return sitemap({
    i18n: {
      defaultLocale,
      locales: Object.fromEntries(locales.map((locale) => [locale, localeInfo[locale].lang])),
    },
    serialize(item) {
      if (item.url === root) return { ...item, links: undefined };
      const links = item.links?.filter((link) => link.url !== root);
      return { ...item, links: links && links.length > 1 ? links : undefined };
    },
  });
}

/*
 * Content-Security-Policy — the security quality gate (`test/e2e/security.test.ts`) relies on it.
 * Astro writes a `<meta http-equiv="content-security-policy">` into every page and hashes the
 * scripts and styles it bundles. It does not hash `<script is:inline>`, and Starlight ships several
 * (theme, search shortcut, sidebar state, synced tabs): their hashes are computed here from the
 * component sources, whose script text Astro copies into the pages unchanged (ours in `src/` too).
 * No `'unsafe-eval'` and no `'unsafe-inline'` for scripts; `'wasm-unsafe-eval'` only lets Pagefind's
 * search run its WebAssembly. Style *attributes* are allowed (`style-src-attr`: KaTeX positions its
 * glyphs with `style="…"`), while `<style>` elements stay hash-only.
 */

/** @param {URL} folder @returns {URL[]} every `.astro` file under `folder` */
function astroFiles(folder) {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.astro'))
    .map((file) => new URL(file, folder));
}

/** CSP source hashes (`sha256-…`) of the `<script is:inline>` bodies in Starlight's components and ours. */
function inlineScriptHashes() {
  const folders = [
    new URL('./node_modules/@astrojs/starlight/dist/', import.meta.url),
    new URL('./src/', import.meta.url),
  ];
  const hashes = new Set();
  for (const file of folders.flatMap(astroFiles)) {
    const source = readFileSync(file, 'utf8');
    for (const [, body] of source.matchAll(/<script\s+is:inline\b[^>]*>([\s\S]*?)<\/script>/g)) {
      const digest = createHash('sha256')
        .update(body ?? '')
        .digest('base64');
      hashes.add(`sha256-${digest}`);
    }
  }
  return [...hashes];
}

/** @type {import('astro').AstroUserConfig['security']} */
const security = {
  csp: {
    algorithm: 'SHA-256',
    directives: [
      "default-src 'self'",
      "img-src 'self' data:",
      // Vite inlines KaTeX's smallest font file as a data: URL.
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: inlineScriptHashes(),
    },
    styleDirective: {
      resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
    },
  },
};

export default defineConfig({
  site: SITE,
  security,
  build: {
    // Part of the CSP setup: Astro does not hash the small stylesheets it would inline for
    // components used inside MDX content (e.g. MappingTable), so every stylesheet is a file
    // under `style-src 'self'` instead of an inline `<style>`.
    inlineStylesheets: 'never',
  },
  vite: {
    // Terser instead of the default Oxc minifier for the browser's JavaScript: it drops code of
    // Chart.js that Oxc keeps (47.3 → 41.6 kB gzip for the chart chunk), which is most of what lets
    // a widget load stay within its 65 kB budget (`scripts/gates/budgets.ts`). The server build,
    // which only renders pages at build time, keeps the faster default.
    build: { terserOptions: { compress: { passes: 2 } } },
    environments: { client: { build: { minify: 'terser' } } },
    // Vite leaves a worker's minification to the build's minifier only when that is Oxc.
    worker: { rolldownOptions: { output: { minify: true } } },
  },
  markdown: {
    // Astro 7's default Markdown processor (Sätteri) runs no remark/rehype plugins; the unified
    // processor does, and @astrojs/mdx (added by Starlight) inherits it for .mdx files.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        [rehypeKatex, { output: 'htmlAndMathml' }],
        rehypeFailOnKatexErrors,
        rehypeFocusableMathDisplays,
      ],
    }),
  },
  integrations: [
    starlight({
      title: Object.fromEntries(
        locales.map((locale) => [localeInfo[locale].lang, ui[locale]['site.title']]),
      ),
      defaultLocale,
      locales: Object.fromEntries(
        locales.map((locale) => [
          locale,
          { label: localeInfo[locale].label, lang: localeInfo[locale].lang },
        ]),
      ),
      sidebar: [
        ...articles.filter(articleExists).map(sidebarItem),
        // One page per scheduler class (`content/docs/<locale>/schedulers/`), in the gallery's order.
        {
          label: ui[defaultLocale]['nav.schedulers'],
          translations: Object.fromEntries(
            locales.map((locale) => [localeInfo[locale].lang, ui[locale]['nav.schedulers']]),
          ),
          collapsed: true,
          items: Object.keys(galleryCharts).map((name) => ({
            slug: `schedulers/${schedulerSlug(name)}`,
            label: name,
          })),
        },
      ],
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css'],
      favicon: '/favicon.svg',
      routeMiddleware: './src/route-data.ts',
      // Same markup as Starlight's; their script finds the elements it watches without `:has()`
      // selectors, which blocked the main thread for up to ~90 ms on long pages.
      components: {
        TableOfContents: './src/components/toc/TableOfContents.astro',
        MobileTableOfContents: './src/components/toc/MobileTableOfContents.astro',
      },
      markdown: {
        // Starlight's Markdown transforms (asides, heading anchors) only touch files in
        // `src/content/docs/` unless told about other folders.
        processedDirs: ['./content/docs'],
      },
    }),
    // Starlight adds its own, unconfigured sitemap only when the project has none.
    bilingualSitemap(),
    katexFontPreload(),
  ],
});
