/**
 * Build-time typesetting of the playground's formulas with KaTeX. Imported only by
 * `Playground.astro`'s frontmatter, so KaTeX never reaches the browser.
 *
 * Each substituted value is written as `\htmlData{param=NAME}{\text{…}}` (KaTeX's `trust` option
 * allows only `\htmlData`), which marks the value's box in the HTML rendering with
 * `data-param="NAME"` (the page highlights it). KaTeX's MathML rendering drops `\htmlData`, so
 * each value is first typeset as a unique sentinel and the element holding that sentinel, in both
 * renderings, gets `data-formula-value="NAME"`: the browser rewrites the text of exactly those
 * elements when the configuration changes, and screen readers, which read the MathML, hear the
 * same numbers that are shown.
 *
 * @module
 */
import katex from 'katex';
import { formulaTex } from './formula.ts';

const escapeText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Typeset one formula variant.
 *
 * @param variant - A key of `formulaVariants`.
 * @param values - The text of each slot as first shown (see `formulaValues`).
 * @returns KaTeX's HTML and MathML, display mode, with the slots marked.
 * @throws {Error} When KaTeX cannot parse the TeX, or a slot has no value.
 * @example
 * renderFormula('ExponentialLR', { lr: '0.001', gamma: '0.95' });
 */
export function renderFormula(variant: string, values: Readonly<Record<string, string>>): string {
  const names: string[] = [];
  const tex = formulaTex(variant, (param) => {
    names.push(param);
    return `\\htmlData{param=${param}}{\\text{@${names.length - 1}@}}`;
  });
  const html = katex.renderToString(tex, {
    displayMode: true,
    output: 'htmlAndMathml',
    throwOnError: true,
    strict: 'ignore',
    trust: (context) => context.command === '\\htmlData',
  });
  const valueOf = (index: string) => {
    const name = names[Number(index)]!;
    const value = values[name];
    if (value === undefined) throw new Error(`Formula ${variant}: no value for ${name}`);
    return { name, text: escapeText(value) };
  };
  const marked = html
    .replace(/<mtext>@(\d+)@<\/mtext>/g, (_match, index: string) => {
      const { name, text } = valueOf(index);
      return `<mtext data-formula-value="${name}">${text}</mtext>`;
    })
    .replace(
      /(<span class="mord[\w ]*")>@(\d+)@<\/span>/g,
      (_match, open: string, index: string) => {
        const { name, text } = valueOf(index);
        return `${open} data-formula-value="${name}">${text}</span>`;
      },
    )
    .replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/, (annotation) =>
      annotation.replace(/@(\d+)@/g, (_match, index: string) => valueOf(index).text),
    );
  if (/@\d+@/.test(marked)) {
    throw new Error(`Formula ${variant}: KaTeX split a value's slot, so it cannot be marked`);
  }
  return marked;
}
