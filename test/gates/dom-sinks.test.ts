/**
 * No shipped source writes markup built from non-constant input: every `innerHTML`/`outerHTML`
 * assignment, `insertAdjacentHTML`, `document.write`, `createContextualFragment`,
 * `DOMParser#parseFromString`, `setHTMLUnsafe`, `eval`/`new Function` and Astro `set:html` in
 * `src/` and `content/` must be given a constant string — or be listed in {@link allowlist} with the
 * reason it is safe. Widgets build their DOM with `textContent`, `createElement` and attributes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/gates/dist.ts';
import { inlineCodeHtml } from '../../src/mapping/format.ts';

/** A sink whose argument is not a constant but is known to be safe. */
interface Allowed {
  /** Repository-relative path. */
  readonly file: string;
  readonly sink: string;
  /** The whole argument, as written. */
  readonly argument: RegExp;
  readonly reason: string;
}

const allowlist: readonly Allowed[] = [
  {
    file: 'src/components/MappingTable.astro',
    sink: 'set:html',
    argument: /^(?:m\.note === undefined \? '' : )?inlineCodeHtml\([\w.[\]]+\)$/,
    reason:
      'build-time text from the API-mapping tables in src/mapping/; inlineCodeHtml escapes it and adds only <code> elements (checked below)',
  },
  {
    file: 'src/components/MappingDifferences.astro',
    sink: 'set:html',
    argument: /^inlineCodeHtml\([\w.[\]]+\)$/,
    reason: 'same as MappingTable.astro: escaped build-time text from src/mapping/',
  },
  {
    file: 'src/widgets/playground/Playground.astro',
    sink: 'set:html',
    argument: /^formula\.html$/,
    reason:
      'KaTeX output of the formulas in src/widgets/playground/formula.ts, typeset at build time (render-formula.ts); the values in them are escaped, and the browser later changes only their textContent',
  },
];

/** Where a sink starts, and how its argument follows: after `=`, inside `(…)`, or inside `{…}`. */
const sinks: readonly {
  name: string;
  pattern: RegExp;
  argument: 'assignment' | 'call' | 'braces';
}[] = [
  { name: 'innerHTML', pattern: /\.innerHTML\s*\+?=(?!=)/g, argument: 'assignment' },
  { name: 'outerHTML', pattern: /\.outerHTML\s*\+?=(?!=)/g, argument: 'assignment' },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\s*\(/g, argument: 'call' },
  { name: 'document.write', pattern: /\bdocument\.write(?:ln)?\s*\(/g, argument: 'call' },
  {
    name: 'createContextualFragment',
    pattern: /\bcreateContextualFragment\s*\(/g,
    argument: 'call',
  },
  { name: 'parseFromString', pattern: /\bparseFromString\s*\(/g, argument: 'call' },
  { name: 'setHTMLUnsafe', pattern: /\bsetHTMLUnsafe\s*\(/g, argument: 'call' },
  { name: 'eval', pattern: /(?<![\w.])eval\s*\(/g, argument: 'call' },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/g, argument: 'call' },
  { name: 'set:html', pattern: /\bset:html\s*=\s*\{/g, argument: 'braces' },
];

/**
 * The source text of an argument starting at `start`: up to the end of the statement
 * (`assignment`) or the matching closing bracket (`call`, `braces`), skipping strings, template
 * literals and nested brackets.
 */
function argumentText(
  source: string,
  start: number,
  kind: 'assignment' | 'call' | 'braces',
): string {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '"' || char === "'" || char === '`') {
      i++;
      while (i < source.length && source[i] !== char) {
        if (source[i] === '\\') i++;
        i++;
      }
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && kind === 'assignment' && (char === ';' || char === '\n')) {
      // A line ending inside an unfinished expression (`=`, `+`, `?`, `:`, `(`) continues it.
      if (char === ';' || !/[=+?:(,|&]\s*$/.test(source.slice(start, i))) break;
    }
    i++;
  }
  return source.slice(start, i).trim();
}

/** A single string literal, or a template literal without substitutions. */
function isConstant(argument: string): boolean {
  return /^(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.|\$(?!\{))*`)$/s.test(
    argument,
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|js|mjs|astro|mdx|md)$/.test(file))
    .filter((file) => !/(^|[/\\])(__tests__|test)[/\\]|\.test\.ts$/.test(file))
    .map((file) => join(dir, file).split(sep).join('/'));
}

/** Every sink use in the shipped sources: file, line, sink, argument. */
function findSinks() {
  const found: { file: string; line: number; sink: string; argument: string }[] = [];
  for (const file of [...sourceFiles('src'), ...sourceFiles('content')]) {
    const source = readFileSync(join(repoRoot, file), 'utf8');
    for (const sink of sinks) {
      for (const match of source.matchAll(sink.pattern)) {
        const start = match.index + match[0].length;
        const argument =
          sink.argument === 'call' && sink.name === 'insertAdjacentHTML'
            ? argumentText(source, start, 'call')
                .replace(/^[^,]*,/, '')
                .trim()
            : argumentText(source, start, sink.argument);
        const line = source.slice(0, match.index).split('\n').length;
        found.push({ file, line, sink: sink.name, argument });
      }
    }
  }
  return found;
}

describe('markup sinks in src/ and content/', () => {
  it('take constant strings, or are allow-listed with a reason', () => {
    const unsafe = findSinks()
      .filter((use) => !isConstant(use.argument))
      .filter(
        (use) =>
          !allowlist.some(
            (allowed) =>
              allowed.file === use.file &&
              allowed.sink === use.sink &&
              allowed.argument.test(use.argument),
          ),
      )
      .map((use) => `${use.file}:${use.line} ${use.sink} ← ${use.argument}`);
    expect(unsafe).toEqual([]);
  });

  it('allow-list entries still match something (no stale entries)', () => {
    const uses = findSinks();
    for (const allowed of allowlist) {
      expect(
        uses.some(
          (use) =>
            use.file === allowed.file &&
            use.sink === allowed.sink &&
            allowed.argument.test(use.argument),
        ),
        `${allowed.file} ${allowed.sink}`,
      ).toBe(true);
    }
  });

  it('the scanner finds sinks and tells constants from expressions', () => {
    expect(isConstant("''")).toBe(true);
    expect(isConstant('`<svg></svg>`')).toBe(true);
    expect(isConstant('`<b>${name}</b>`')).toBe(false);
    expect(isConstant("'a' + b")).toBe(false);
    expect(
      argumentText('el.innerHTML = a +\n  b;\nnext()', 'el.innerHTML ='.length, 'assignment'),
    ).toBe('a +\n  b');
    expect(argumentText('x = f(a, g(b)) + 1;', 4, 'assignment')).toBe('f(a, g(b)) + 1');
    expect(argumentText('fn(`a)`, 2)', 3, 'call')).toBe('`a)`, 2');
  });

  it('inlineCodeHtml (the allow-listed set:html input) escapes everything but its own <code>', () => {
    const hostile = '<img src=x onerror=alert(1)> `<script>alert(1)</script>` & "q" \'s\'';
    const html = inlineCodeHtml(hostile);
    expect(html.replace(/<\/?code>/g, '')).not.toMatch(/[<>]/);
    expect(html).toContain('&lt;script&gt;');
  });
});
