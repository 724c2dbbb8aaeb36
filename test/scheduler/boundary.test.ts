import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../src/scheduler/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const sources = files(root).map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

describe('src/scheduler is pure TypeScript', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it('imports nothing but its own relative modules', () => {
    const imports = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/(?:import|export)[^'";]*?from\s+['"]([^'"]+)['"]/g)]
        .map((m) => m[1] as string)
        .filter((spec) => !spec.startsWith('./') && !spec.startsWith('../'))
        .map((spec) => `${path}: ${spec}`),
    );
    expect(imports).toEqual([]);
  });

  it('touches no DOM, Astro or Chart.js global', () => {
    const forbidden =
      /\b(document|window|navigator|HTMLElement|customElements|localStorage|Chart|Astro)\s*[.([]/;
    const hits = sources
      .filter(({ text }) => forbidden.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map(({ path }) => path);
    expect(hits).toEqual([]);
  });

  it('exports everything through an explicit list in index.ts', () => {
    const index = sources.find(({ path }) => path === 'index.ts');
    expect(index?.text).not.toMatch(/export \*/);
  });
});
