/**
 * Preload links for the KaTeX fonts each built page uses.
 *
 * KaTeX's fonts are `font-display: block`, and the browser only requests them once its first
 * layout finds text in them, after the stylesheet. Until they arrive the math is laid out with
 * another font's widths, so the page shifts when they come (Lighthouse measured CLS up to 0.064 on
 * our article pages). A `<link rel="preload">` for exactly the faces a page needs starts them with
 * the stylesheet; faces a page does not use are not preloaded (Chromium warns about a preload
 * left unused). Which faces a page uses follows from the classes KaTeX puts on its glyphs, per the
 * rules of `katex.css`; the e2e test `test/e2e/site.test.ts` compares the result with the font
 * requests Chromium actually makes on every page.
 *
 * @module
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The KaTeX face a class attribute's tokens select, per `katex.css` (0.16–0.19), as the font file's
 * stem; `null` when they select none. Sizes of delimiters and big operators use their own faces.
 */
function faceOf(tokens: ReadonlySet<string>): string | null {
  const has = (...names: string[]) => names.some((name) => tokens.has(name));
  if (tokens.has('delimsizing')) {
    for (const size of [1, 2, 3, 4])
      if (tokens.has(`size${size}`)) return `KaTeX_Size${size}-Regular`;
  }
  for (const size of [1, 4])
    if (tokens.has(`delim-size${size}`)) return `KaTeX_Size${size}-Regular`;
  if (tokens.has('op-symbol')) {
    if (tokens.has('small-op')) return 'KaTeX_Size1-Regular';
    if (tokens.has('large-op')) return 'KaTeX_Size2-Regular';
  }
  if (has('boldsymbol')) return 'KaTeX_Math-BoldItalic';
  if (has('mathnormal')) return 'KaTeX_Math-Italic';
  if (has('mathbf', 'textbf')) return 'KaTeX_Main-Bold';
  if (has('mathit', 'textit')) return 'KaTeX_Main-Italic';
  if (has('amsrm', 'mathbb', 'textbb')) return 'KaTeX_AMS-Regular';
  if (has('mathcal')) return 'KaTeX_Caligraphic-Regular';
  if (has('mathfrak', 'textfrak')) return 'KaTeX_Fraktur-Regular';
  if (has('mathtt', 'texttt')) return 'KaTeX_Typewriter-Regular';
  if (has('mathscr', 'textscr')) return 'KaTeX_Script-Regular';
  if (has('mathsf', 'textsf')) return 'KaTeX_SansSerif-Regular';
  return null;
}

/**
 * The KaTeX font files (stems such as `KaTeX_Main-Regular`) that a page's math is set in.
 *
 * @param html - A built page.
 * @returns Stems in alphabetical order; empty for a page without math.
 */
export function katexFontStems(html: string): string[] {
  const stems = new Set<string>();
  // Only KaTeX's HTML rendering is laid out in KaTeX fonts; its MathML copy is visually hidden.
  const renderings = html.split('class="katex-html"').slice(1);
  if (renderings.length > 0) stems.add('KaTeX_Main-Regular');
  for (const rendering of renderings) {
    const end = rendering.indexOf('class="katex"');
    const part = end === -1 ? rendering : rendering.slice(0, end);
    for (const match of part.matchAll(/class="([^"]*)"/g)) {
      const face = faceOf(new Set(match[1]!.split(/\s+/)));
      if (face !== null) stems.add(face);
    }
  }
  return [...stems].sort();
}

/**
 * A page with preload links for the given font URLs, placed right after `<meta charset>` so the
 * fonts are requested with the first stylesheet.
 *
 * @param html - A built page; returned unchanged when it has no `<meta charset>` or no URLs.
 * @param urls - Font URLs as the page's stylesheets name them.
 */
export function withFontPreloads(html: string, urls: readonly string[]): string {
  const charset = /<meta charset="utf-8"\s*\/?>/i.exec(html);
  if (!charset || urls.length === 0) return html;
  const links = urls
    .map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`)
    .join('');
  const at = charset.index + charset[0].length;
  return html.slice(0, at) + links + html.slice(at);
}

/**
 * Astro integration: after the build, add to every page preload links for the KaTeX fonts it uses
 * (the hashed `.woff2` files Vite emitted, under the site's base path).
 */
export function katexFontPreload(): AstroIntegration {
  let base = '/';
  return {
    name: 'katex-font-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const assets = readdirSync(join(root, '_astro'));
        const fileOf = (stem: string) =>
          assets.find((file) => file.startsWith(`${stem}.`) && file.endsWith('.woff2'));
        const pages = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
          file.endsWith('.html'),
        );
        for (const page of pages) {
          const path = join(root, page);
          const html = readFileSync(path, 'utf8');
          const urls = katexFontStems(html).flatMap((stem) => {
            const file = fileOf(stem);
            return file === undefined ? [] : [`${base}_astro/${file}`];
          });
          if (urls.length > 0) writeFileSync(path, withFontPreloads(html, urls));
        }
      },
    },
  };
}
