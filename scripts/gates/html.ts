/**
 * A small HTML reader for the quality gates: the start tags of a built page with their decoded
 * attributes, plus the text of its inline `<script>` and `<style>` elements.
 *
 * It is made for Astro's own output (well-formed, attributes quoted or bare, no `document.write`),
 * not for arbitrary HTML: it skips comments, keeps `<script>`, `<style>`, `<textarea>` and `<title>`
 * contents as raw text, and decodes character references in attribute values. That is all the
 * link checker and the budget calculator need, and it keeps the gates free of extra packages.
 *
 * @module
 */

/** A start tag: lower-case name, decoded attributes, and the raw text inside it for raw-text elements. */
export interface HtmlElement {
  /** Lower-case tag name, e.g. `a`, `script`, `schedule-chart`. */
  readonly name: string;
  /** Attributes by lower-case name, values decoded (`&amp;` → `&`); bare attributes have value `''`. */
  readonly attrs: ReadonlyMap<string, string>;
  /** For `<script>`, `<style>`, `<textarea>`, `<title>`: the text up to the closing tag. */
  readonly text?: string;
}

const rawTextElements = new Set(['script', 'style', 'textarea', 'title']);

const namedReferences: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * Decode the character references an attribute value may hold.
 *
 * @param value - Raw attribute text, e.g. `a&amp;b&#x27;c`.
 * @returns The decoded string (`a&b'c`); unknown named references are left as they are.
 * @example
 * decodeEntities('x&lt;y&#39;'); // "x<y'"
 */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    }
    return namedReferences[ref.toLowerCase()] ?? match;
  });
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f';
}

/**
 * Every start tag of a document, in source order.
 *
 * @param html - A complete HTML document or fragment.
 * @returns The elements, each with its attributes (and raw text for raw-text elements).
 * @example
 * parseHtml('<a href="/en/#x">x</a>')[0].attrs.get('href'); // "/en/#x"
 */
export function parseHtml(html: string): HtmlElement[] {
  const elements: HtmlElement[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const nameMatch = /^[a-zA-Z][^\s/>]*/.exec(html.slice(lt + 1, lt + 200));
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    i = lt + 1 + nameMatch[0].length;
    const attrs = new Map<string, string>();
    while (i < n) {
      while (isSpace(html[i]) || html[i] === '/') i++;
      if (i >= n || html[i] === '>') break;
      const start = i;
      while (i < n && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>' && html[i] !== '/') {
        i++;
      }
      const attrName = html.slice(start, i).toLowerCase();
      while (isSpace(html[i])) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (isSpace(html[i])) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, end < 0 ? n : end);
          i = end < 0 ? n : end + 1;
        } else {
          const valueStart = i;
          while (i < n && !isSpace(html[i]) && html[i] !== '>') i++;
          value = html.slice(valueStart, i);
        }
      }
      if (attrName && !attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
    }
    i++;
    if (rawTextElements.has(name)) {
      const closing = new RegExp(`</${name}`, 'gi');
      closing.lastIndex = i;
      const end = closing.exec(html)?.index ?? n;
      elements.push({ name, attrs, text: html.slice(i, end) });
      i = end;
    } else {
      elements.push({ name, attrs });
    }
  }
  return elements;
}
