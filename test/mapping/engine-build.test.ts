/**
 * The standalone engine the site publishes (`scripts/build-engine.ts` → `/engine/lr-schedules.js`
 * and `.d.ts`): built into a folder outside the repository, it imports in Node without
 * resolving anything, exports what the source exports, computes exactly what the source
 * computes, and its single declaration file type-checks a consumer. The API mapping page links it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as source from '../../src/scheduler/index.ts';
import { buildEngine, moduleName, type EngineBuild } from '../../scripts/build-engine.ts';

type Engine = typeof source;

let dir: string;
let built: EngineBuild;
let bundled: Engine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lr-schedules-engine-'));
  built = await buildEngine(dir);
  bundled = (await import(pathToFileURL(built.js).href)) as Engine;
}, 60_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** Learning rates of a cosine schedule with SGD and momentum, stepped past two half-periods. */
function cosineRun(engine: Engine): number[] {
  const w = { data: Float64Array.of(1, -2), grad: null as Float64Array | null };
  const optimizer = new engine.SGD([w], { lr: 0.1, momentum: 0.9 });
  const scheduler = new engine.CosineAnnealingLR(optimizer, { T_max: 7, eta_min: 0.001 });
  const lrs = [...scheduler.getLastLr()];
  for (let epoch = 0; epoch < 30; epoch += 1) {
    w.grad = w.data.slice();
    optimizer.step();
    scheduler.step();
    lrs.push(...scheduler.getLastLr());
  }
  return lrs;
}

describe('standalone engine module', () => {
  it('is one self-contained, minified ES module with a licence banner and a source map', () => {
    const js = readFileSync(built.js, 'utf8');
    expect(js).toMatch(/^\/\*! lr-schedules /);
    expect(js).toContain('BSD-3-Clause');
    expect(js).toContain(`//# sourceMappingURL=${moduleName}.js.map`);
    expect(JSON.parse(readFileSync(built.map, 'utf8'))).toHaveProperty('mappings');
    // Minified: far fewer lines than the sources it bundles.
    expect(js.split('\n').length).toBeLessThan(50);
  });

  it('exports what the source exports', () => {
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(source).sort());
  });

  it('reproduces a CosineAnnealingLR run of the source engine exactly', () => {
    const expected = cosineRun(source);
    expect(expected).toHaveLength(31);
    expect(cosineRun(bundled)).toEqual(expected);
  });

  it('throws its own exported error classes with PyTorch’s messages', () => {
    const w = { data: new Float64Array(1), grad: null };
    const optimizer = new bundled.SGD([w], { lr: 0.1 });
    expect(() => new bundled.CosineAnnealingWarmRestarts(optimizer, { T_0: 0 })).toThrow(
      new bundled.ValueError('Expected positive integer T_0, but got 0'),
    );
  });

  it('ships declarations that type-check a consumer', { timeout: 60_000 }, () => {
    const consumer = join(dir, 'consumer.ts');
    writeFileSync(
      consumer,
      [
        `import { CosineAnnealingLR, SGD, type Param } from './${moduleName}.js';`,
        'const w: Param = { data: Float64Array.of(1), grad: null };',
        'const scheduler = new CosineAnnealingLR(new SGD([w], { lr: 0.1 }), { T_max: 10 });',
        'const lr: number | undefined = scheduler.getLastLr()[0];',
        '// @ts-expect-error: options keep PyTorch spelling',
        'new CosineAnnealingLR(new SGD([w]), { tMax: 10 });',
        'export { lr };',
      ].join('\n'),
    );
    const program = ts.createProgram([consumer], {
      noEmit: true,
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      // The declarations must not need the DOM: the engine also runs in Node and workers.
      lib: ['lib.es2022.d.ts'],
      types: [],
    });
    const messages = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([]);
  });

  it('declares exactly the values the module exports, in one file', () => {
    const dts = readFileSync(built.dts, 'utf8');
    expect(dts).not.toMatch(/^\s*import\s/m);
    const list = /^export \{([^}]*)\};\s*$/m.exec(dts);
    expect(list).not.toBeNull();
    const values = list![1]!
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '' && !entry.startsWith('type '));
    expect(values.sort()).toEqual(Object.keys(source).sort());
  });
});

describe('the API mapping page', () => {
  it.each(['en', 'zh-cn'])('%s links the module and its declarations', (locale) => {
    const page = readFileSync(
      fileURLToPath(new URL(`../../content/docs/${locale}/api-mapping.mdx`, import.meta.url)),
      'utf8',
    );
    expect(page).toContain(`/engine/${moduleName}.js`);
    expect(page).toContain(`/engine/${moduleName}.d.ts`);
  });
});
