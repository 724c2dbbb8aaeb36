/**
 * Zero broken internal links or anchors: first the checker on a small hand-made build with known
 * faults, then every page of `dist/` in both languages (built first when it is stale).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltOnce } from '../../scripts/gates/build.ts';
import { sitePages } from '../../scripts/gates/dist.ts';
import { checkLinks, formatProblem, type LinkReport } from '../../scripts/gates/links.ts';
import { locales } from '../../src/i18n/locales.ts';

function writeBuild(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

describe('the link checker', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const page = (body: string) =>
    `<!doctype html><html><head><link rel="canonical" href="https://site.example/lr/en/"></head><body>${body}</body></html>`;

  it('accepts resolvable files and fragments, relative or absolute, and flags everything else', () => {
    const dir = writeBuild({
      'en/index.html': page(
        [
          '<a href="a/">ok</a>',
          '<a href="a/#sec-1">ok fragment</a>',
          '<a href="/lr/en/a/#%E4%B8%AD">ok encoded fragment</a>',
          '<a href="#top">ok top</a>',
          '<a href="https://site.example/lr/en/a/">ok absolute</a>',
          '<a href="https://elsewhere.example/x">external</a>',
          '<a href="mailto:x@example.com">mail</a>',
          '<img src="../img.png" alt="">',
          '<a href="a/#missing">bad fragment</a>',
          '<a href="b/">bad page</a>',
          '<a href="/en/a/">outside base</a>',
          '<a href="javascript:alert(1)">js</a>',
          '<a id="self" href="#self">ok self</a>',
          '<a href="#self?x0=1&amp;lr=0.05">ok widget state after the anchor</a>',
          '<a href="#gone?x0=1">bad widget anchor</a>',
        ].join(''),
      ),
      'en/a/index.html': page('<h2 id="sec-1">1</h2><h2 id="中">中</h2>'),
      'img.png': 'PNG',
      '_astro/x.css': 'a{background:url(../img.png)}b{background:url(/lr/gone.png)}',
      'sitemap-0.xml':
        '<urlset><url><loc>https://site.example/lr/en/</loc></url><url><loc>https://site.example/lr/en/gone/</loc></url></urlset>',
    });
    dirs.push(dir);
    const report = checkLinks(dir, '/lr/');
    expect(report.problems.map(formatProblem).sort()).toEqual(
      [
        '/lr/en/ a[href] "a/#missing": no element with id "missing" in en/a/index.html',
        '/lr/en/ a[href] "b/": no file for /lr/en/b/',
        '/lr/en/ a[href] "/en/a/": outside the base path /lr/',
        '/lr/en/ a[href] "javascript:alert(1)": javascript: URL',
        '/lr/en/ a[href] "#gone?x0=1": no element with id "gone" in en/index.html',
        '_astro/x.css css url() "/lr/gone.png": no file for /lr/gone.png',
        'sitemap-0.xml sitemap <loc> "https://site.example/lr/en/gone/": no file for /lr/en/gone/',
      ].sort(),
    );
    expect(report.external).toEqual(['https://elsewhere.example/x']);
  });

  it('lets the not-found page name an address of its own that does not exist', () => {
    const dir = writeBuild({
      '404.html':
        '<link rel="canonical" href="https://site.example/404/"><meta property="og:url" content="https://site.example/404/"><a href="/nowhere/">x</a>',
    });
    dirs.push(dir);
    expect(checkLinks(dir).problems.map(formatProblem)).toEqual([
      '/404.html a[href] "/nowhere/": no file for /nowhere/',
    ]);
  });
});

describe('links of dist/', () => {
  let report: LinkReport;

  beforeAll(async () => {
    await ensureBuiltOnce();
    report = checkLinks();
  }, 600_000);

  it('include pages of both languages', () => {
    const paths = sitePages().map((page) => page.path);
    for (const locale of locales) expect(paths).toContain(`/${locale}/`);
    expect(report.checked).toBeGreaterThan(paths.length);
  });

  it('are all resolvable, with every #fragment pointing at an element', () => {
    expect(report.problems.map(formatProblem)).toEqual([]);
  });
});
