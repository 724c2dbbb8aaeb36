/** Which KaTeX fonts a page preloads, from hand-written snippets of KaTeX's HTML. */
import { describe, expect, it } from 'vitest';
import { katexFontStems, withFontPreloads } from '../../src/build/katex-font-preload.ts';

/** A formula as KaTeX renders it: the MathML copy, then the HTML laid out in KaTeX's fonts. */
const formula = (html: string, mathml = '<math><mi class="mathbf">x</mi></math>') =>
  `<span class="katex"><span class="katex-mathml">${mathml}</span><span class="katex-html" aria-hidden="true">${html}</span></span>`;

describe('katexFontStems', () => {
  it('finds nothing on a page without math', () => {
    expect(katexFontStems('<p class="mathnormal">not math</p>')).toEqual([]);
  });

  it('always needs the main face, and the math italic for variables', () => {
    expect(katexFontStems(formula('<span class="mord">2</span>'))).toEqual(['KaTeX_Main-Regular']);
    expect(katexFontStems(formula('<span class="mord mathnormal">t</span>'))).toEqual([
      'KaTeX_Main-Regular',
      'KaTeX_Math-Italic',
    ]);
  });

  it('tells sized delimiters and big operators from text sizes', () => {
    // `sizing reset-size6 size3` scales text (subscripts); only `delimsizing` picks a Size face.
    expect(
      katexFontStems(
        formula(
          '<span class="sizing reset-size6 size3 mtight"><span class="mord mtight">1</span></span>' +
            '<span class="delimsizing size2">(</span><span class="mop op-symbol large-op">∑</span>' +
            '<span class="delimsizing mult"><span class="delim-size4">⎛</span></span>',
        ),
      ),
    ).toEqual(['KaTeX_Main-Regular', 'KaTeX_Size2-Regular', 'KaTeX_Size4-Regular']);
  });

  it('ignores the MathML copy and reads every formula of the page', () => {
    const page =
      formula('<span class="mord">1</span>') + formula('<span class="mord mathit">e</span>');
    expect(katexFontStems(page)).toEqual(['KaTeX_Main-Italic', 'KaTeX_Main-Regular']);
  });
});

describe('withFontPreloads', () => {
  it('adds one preload per font right after the charset', () => {
    const html = '<html><head><meta charset="utf-8"/><title>x</title></head></html>';
    expect(withFontPreloads(html, ['/_astro/a.woff2', '/lr/_astro/b.woff2'])).toBe(
      '<html><head><meta charset="utf-8"/>' +
        '<link rel="preload" href="/_astro/a.woff2" as="font" type="font/woff2" crossorigin>' +
        '<link rel="preload" href="/lr/_astro/b.woff2" as="font" type="font/woff2" crossorigin>' +
        '<title>x</title></head></html>',
    );
  });

  it('leaves a page without a charset or without fonts unchanged', () => {
    expect(withFontPreloads('<html><head></head></html>', ['/a.woff2'])).toBe(
      '<html><head></head></html>',
    );
    expect(withFontPreloads('<meta charset="utf-8">', [])).toBe('<meta charset="utf-8">');
  });
});
