/**
 * Internal link checker over a build folder: every `href`, `src`, `srcset`, `poster`, `action` and
 * Open Graph URL in every HTML page, every `url()` in the stylesheets, and every URL in the sitemaps
 * must resolve to a file of the build — and a `#fragment` to an element `id` (or `<a name>`) in the
 * target page.
 *
 * A reference is internal when it has no scheme (relative or root-relative) or when it is an
 * absolute URL on the site's own origin (taken from the pages' `<link rel="canonical">`, as in
 * hreflang alternates and the sitemap). A fragment may carry widget state after its anchor
 * (`#saddle-explorer?x0=1&…`, the explorer's share links); only the anchor must exist. Internal references must also stay inside the base path, so
 * the same checker verifies a sub-path build (`--base /lr/`). `javascript:` URLs are reported too.
 *
 * Run `npx node scripts/gates/links.ts` (`--dist <dir>`, `--base /lr/`); it lists every broken
 * reference and exits with 1 when there is one.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDist, listFiles, normalizeBase, resolveSitePath, sitePages } from './dist.ts';
import { parseHtml, type HtmlElement } from './html.ts';

/** A reference that does not resolve. */
export interface LinkProblem {
  /** Where it was found: a page's URL path, or a stylesheet/sitemap file of the build. */
  readonly source: string;
  /** e.g. `a[href]`, `link[href]`, `css url()`, `sitemap <loc>`. */
  readonly where: string;
  /** The reference as written. */
  readonly reference: string;
  readonly reason: string;
}

/** Result of {@link checkLinks}. */
export interface LinkReport {
  /** Internal references checked (files and fragments). */
  readonly checked: number;
  /** Distinct external URLs seen (not checked: the site must work offline, and the e2e tests block them). */
  readonly external: readonly string[];
  readonly problems: readonly LinkProblem[];
}

/** Attributes that hold one URL, by element. */
const urlAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  source: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

const metaUrlProperties = new Set(['og:url', 'og:image', 'og:image:url', 'twitter:image']);

/** A page's statement of its own URL: canonical and alternate links, `og:url`. */
function isSelfReference(element: HtmlElement): boolean {
  const rel = element.attrs.get('rel')?.toLowerCase().split(/\s+/) ?? [];
  if (element.name === 'link') return rel.includes('canonical') || rel.includes('alternate');
  return element.name === 'meta' && element.attrs.get('property') === 'og:url';
}

/** `#top` scrolls to the top of any page (HTML's "indicated part of the document"). */
const implicitFragments = new Set(['', 'top']);

/**
 * Check every internal reference of a build.
 *
 * @param dist - Build folder (default `dist/`).
 * @param base - Base path the build was made for (default `/`).
 * @returns What was checked and what is broken.
 * @throws {Error} When the build folder does not exist.
 */
export function checkLinks(dist: string = defaultDist, base = '/'): LinkReport {
  const prefix = normalizeBase(base);
  const pages = sitePages(dist, base);
  const problems: LinkProblem[] = [];
  const external = new Set<string>();
  const parsed = new Map<string, HtmlElement[]>();
  const idsByFile = new Map<string, Set<string>>();
  let checked = 0;

  const elementsOf = (file: string) => {
    let elements = parsed.get(file);
    if (!elements) {
      elements = parseHtml(readFileSync(join(dist, file), 'utf8'));
      parsed.set(file, elements);
    }
    return elements;
  };
  const idsOf = (file: string) => {
    let ids = idsByFile.get(file);
    if (!ids) {
      ids = new Set<string>();
      for (const element of elementsOf(file)) {
        const id = element.attrs.get('id');
        if (id !== undefined) ids.add(id);
        const name = element.attrs.get('name');
        if (element.name === 'a' && name !== undefined) ids.add(name);
      }
      idsByFile.set(file, ids);
    }
    return ids;
  };

  // The site's own origin, as absolute URLs in the pages (canonical, hreflang) spell it.
  const origins = new Set<string>();
  for (const page of pages) {
    for (const element of elementsOf(page.file)) {
      if (element.name === 'link' && element.attrs.get('rel') === 'canonical') {
        const href = element.attrs.get('href');
        if (href && /^https?:/i.test(href)) origins.add(new URL(href).origin);
      }
    }
  }

  const check = (source: string, fromPath: string, where: string, reference: string) => {
    const trimmed = reference.trim();
    if (trimmed === '') return;
    if (/^javascript:/i.test(trimmed)) {
      problems.push({ source, where, reference, reason: 'javascript: URL' });
      return;
    }
    if (/^(mailto|tel|data|blob|about):/i.test(trimmed)) return;
    const local = 'http://links.invalid';
    let url: URL;
    try {
      url = new URL(trimmed, local + fromPath);
    } catch {
      problems.push({ source, where, reference, reason: 'not a valid URL' });
      return;
    }
    if (url.origin !== local && !origins.has(url.origin)) {
      if (/^https?:$/.test(url.protocol)) external.add(url.href);
      return;
    }
    checked++;
    const file = resolveSitePath(dist, prefix, url.pathname);
    if (!file) {
      const outside = !url.pathname.startsWith(prefix);
      problems.push({
        source,
        where,
        reference,
        reason: outside ? `outside the base path ${prefix}` : `no file for ${url.pathname}`,
      });
      return;
    }
    if (url.hash.length > 1 && file.endsWith('.html')) {
      let fragment: string;
      try {
        fragment = decodeURIComponent(url.hash.slice(1));
      } catch {
        problems.push({ source, where, reference, reason: 'malformed fragment' });
        return;
      }
      // Widgets' share links carry their state after the anchor: `#<widget id>?x0=1&…`.
      const anchor = fragment.split('?')[0]!;
      if (!implicitFragments.has(anchor.toLowerCase()) && !idsOf(file).has(anchor)) {
        problems.push({
          source,
          where,
          reference,
          reason: `no element with id "${anchor}" in ${file}`,
        });
      }
    }
  };

  for (const page of pages) {
    const notFoundPage = /(^|\/)404\.html$/.test(page.file);
    for (const element of elementsOf(page.file)) {
      // The not-found page is served for every unknown URL and has no address of its own; the
      // canonical and hreflang URLs Starlight gives it (`/404/`) only tell search engines about it.
      if (notFoundPage && isSelfReference(element)) continue;
      for (const attribute of urlAttributes[element.name] ?? []) {
        const value = element.attrs.get(attribute);
        if (value !== undefined)
          check(page.path, page.path, `${element.name}[${attribute}]`, value);
      }
      const srcset = element.attrs.get('srcset') ?? element.attrs.get('imagesrcset');
      if (srcset !== undefined) {
        for (const candidate of srcset.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) check(page.path, page.path, `${element.name}[srcset]`, url);
        }
      }
      const property = element.attrs.get('property') ?? element.attrs.get('name');
      const content = element.attrs.get('content');
      if (element.name === 'meta' && property && metaUrlProperties.has(property) && content) {
        check(page.path, page.path, `meta[${property}]`, content);
      }
    }
  }

  for (const file of listFiles(dist)) {
    if (file.endsWith('.css')) {
      const css = readFileSync(join(dist, file), 'utf8');
      for (const match of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
        const reference = match[2]!.trim();
        if (!reference.startsWith('#')) check(file, prefix + file, 'css url()', reference);
      }
    } else if (/^sitemap[^/]*\.xml$/.test(file)) {
      const xml = readFileSync(join(dist, file), 'utf8');
      for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g))
        check(file, prefix + file, 'sitemap <loc>', match[1]!);
      for (const match of xml.matchAll(/<xhtml:link\b[^>]*\bhref="([^"]+)"/g)) {
        check(file, prefix + file, 'sitemap <xhtml:link>', match[1]!);
      }
    }
  }

  return { checked, external: [...external].sort(), problems };
}

/** One line per problem: `/en/x/ a[href] "/en/y/#z": no element with id "z" in en/y/index.html`. */
export function formatProblem(problem: LinkProblem): string {
  return `${problem.source} ${problem.where} "${problem.reference}": ${problem.reason}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: defaultDist },
      base: { type: 'string', default: '/' },
    },
  });
  const report = checkLinks(values.dist, values.base);
  console.log(
    `Checked ${report.checked} internal references; ${report.external.length} external URLs not followed.`,
  );
  if (report.problems.length > 0) {
    console.error(
      `${report.problems.length} broken:\n${report.problems.map(formatProblem).join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    console.log('No broken internal links or anchors.');
  }
}
