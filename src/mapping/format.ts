/**
 * Renders mapping rows as code: PyTorch's constructor signature and the equivalent TypeScript
 * constructor call, and inline-code markup of the bilingual notes.
 *
 * @module
 */

import type { ClassMapping, ParamDefault, ParamMapping } from './types.ts';

/** Beyond this many characters a signature is written one parameter per line. */
const MAX_LINE = 66;

/**
 * The TypeScript spelling of a default written in Python: `None` → `null`, `True`/`False` →
 * `true`/`false`, a tuple → an array; numbers and quoted strings are the same in both languages.
 *
 * @example
 * ```ts
 * tsDefault({ py: '(0.9, 0.999)', value: [0.9, 0.999] }); // '[0.9, 0.999]'
 * ```
 */
export function tsDefault(d: ParamDefault): string {
  if (d.ts !== undefined) return d.ts;
  if (d.py === 'None') return 'null';
  if (d.py === 'True') return 'true';
  if (d.py === 'False') return 'false';
  const tuple = /^\((.*)\)$/.exec(d.py);
  return tuple === null ? d.py : `[${tuple[1]}]`;
}

function layout(open: string, items: readonly string[], close: string, indent: string): string {
  const oneLine = `${open}${items.join(', ')}${close}`;
  if (oneLine.length <= MAX_LINE) return oneLine;
  return `${open}\n${items.map((item) => `${indent}${item},`).join('\n')}\n${close}`;
}

/**
 * PyTorch's constructor signature, with newest PyTorch's defaults and its `*` before the
 * keyword-only parameters.
 *
 * @example
 * ```ts
 * pythonSignature(cosineAnnealingLR); // 'CosineAnnealingLR(optimizer, T_max, eta_min=0.0, last_epoch=-1)'
 * ```
 */
export function pythonSignature(cls: ClassMapping): string {
  const items: string[] = [];
  let starred = false;
  for (const p of cls.params) {
    if (p.keywordOnly && !starred) {
      items.push('*');
      starred = true;
    }
    items.push(p.default === undefined ? p.name : `${p.name}=${p.default.py}`);
  }
  return layout(`${cls.name}(`, items, ')', '    ');
}

function optionEntry(p: ParamMapping): string {
  return p.default === undefined ? p.name : `${p.name}: ${tsDefault(p.default)}`;
}

/**
 * The TypeScript constructor call that mirrors {@link pythonSignature}: positional arguments
 * first, then one options object with PyTorch's keys, where a required key is written in
 * shorthand (`{ T_max }`) and an optional one with its default. Options the port does not
 * accept are left out. An abstract class shows its
 * {@link ClassMapping.subclassExample} instead.
 *
 * @example
 * ```ts
 * typescriptCall(cosineAnnealingLR); // 'new CosineAnnealingLR(optimizer, { T_max, eta_min: 0.0, last_epoch: -1 })'
 * ```
 */
export function typescriptCall(cls: ClassMapping): string {
  const positional = cls.params.filter((p) => p.positional === true).map((p) => p.name);
  const options = cls.params
    .filter((p) => p.positional !== true && p.unsupported !== true)
    .map(optionEntry);
  if (cls.subclassExample !== undefined) return cls.subclassExample;
  const head = `new ${cls.name}(${positional.join(', ')}`;
  if (options.length === 0) return `${head})`;
  const oneLine = `${head}, { ${options.join(', ')} })`;
  if (oneLine.length <= MAX_LINE) return oneLine;
  return `${head}, {\n${options.map((o) => `  ${o},`).join('\n')}\n})`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/**
 * HTML for a note written with backtick code spans, as in `differences.ts` and `classes.ts`:
 * everything is escaped, and each `` `…` `` becomes a `<code>` element.
 *
 * @example
 * ```ts
 * inlineCodeHtml('use `a<b`'); // 'use <code>a&lt;b</code>'
 * ```
 */
export function inlineCodeHtml(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');
}
