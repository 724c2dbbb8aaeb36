import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parityTable } from './helpers/parity.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the parity table the fixtures give now (run `npm run parity` to refresh)', () => {
    const section = readme.slice(
      readme.indexOf('<!-- parity:start -->') + '<!-- parity:start -->'.length,
      readme.indexOf('<!-- parity:end -->'),
    );
    expect(section.trim()).toBe(parityTable().trim());
  });

  it('has a quick start of exactly two commands: install and serve, then test', () => {
    const quick = readme.slice(readme.indexOf('## Quick start'));
    const block = /```sh\n([\s\S]*?)```/.exec(quick)?.[1] ?? '';
    const commands = block
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm install && npm start', 'npm test']);
  });

  it('has a .ci/run that runs the README test command', () => {
    const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(ci).toMatch(/^npm test$/m);
  });
});
