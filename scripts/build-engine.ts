/**
 * Builds the engine (`src/scheduler/`) as a standalone ES module for the site to publish:
 *
 * - `lr-schedules.js`: everything bundled into one minified ES module, no dependencies, with
 *   `lr-schedules.js.map` next to it;
 * - `lr-schedules.d.ts`: its type declarations with TSDoc, merged into one file, so that an
 *   editor type-checks `import … from './lr-schedules.js'` with just the two files.
 *
 * ```sh
 * node scripts/build-engine.ts              # into public/engine/ (served as /engine/…)
 * node scripts/build-engine.ts --out <dir>  # anywhere else (the tests use a temporary folder)
 * ```
 *
 * The output is generated, not committed: `public/engine/` is git-ignored. Run this before
 * `astro build` or `astro dev`, which serve `public/` as it is.
 *
 * @packageDocumentation
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import ts from 'typescript';

const root = fileURLToPath(new URL('../', import.meta.url));
const sourceDir = join(root, 'src', 'scheduler');
const entry = join(sourceDir, 'index.ts');

/** A virtual folder: the declarations are emitted into memory, never to disk. */
const DECLARATIONS = '/declarations';

/** The published file name, without extension. */
export const moduleName = 'lr-schedules';

/** What {@link buildEngine} wrote. */
export interface EngineBuild {
  /** Absolute paths. */
  js: string;
  dts: string;
  map: string;
}

function banner(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license: string;
  };
  return [
    `/*! ${pkg.name} ${pkg.version}: a TypeScript port of PyTorch's torch.optim.lr_scheduler,`,
    ` *  SGD, Adam and AdamW. ${pkg.license}. Reproduces the behaviour of PyTorch`,
    ` *  (https://github.com/pytorch/pytorch, BSD-3-Clause, (c) Facebook, Inc. and its affiliates`,
    ' *  and the PyTorch contributors); contains no PyTorch code. */',
  ].join('\n');
}

/**
 * Emits the engine's declarations (one `.d.ts` per source file, with TSDoc) into memory.
 *
 * @returns file name → declaration text.
 * @throws Error with TypeScript's diagnostics if the engine does not type-check.
 */
function emitDeclarations(): Map<string, string> {
  const options: ts.CompilerOptions = {
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    outDir: DECLARATIONS,
    rootDir: sourceDir,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // The engine uses `console` and `structuredClone`, which Node and browsers both have.
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    skipLibCheck: true,
    verbatimModuleSyntax: true,
  };
  const program = ts.createProgram([entry], options);
  const files = new Map<string, string>();
  const result = program.emit(undefined, (fileName, text) => files.set(fileName, text));
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0 || result.emitSkipped) {
    const text = ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    });
    throw new Error(`declaration emit failed:\n${text}`);
  }
  return files;
}

/** The names a top-level declaration introduces. */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.map((d) => d.name.getText());
  }
  const named = statement as ts.Statement & { name?: ts.Node };
  return named.name === undefined ? [] : [named.name.getText()];
}

/**
 * Merges the per-file declarations into one module declaration file: every file's declarations
 * at top level, without its imports and without `export`, followed by one `export { … }` list
 * of exactly what `index.ts` re-exports, so the types match the bundle's actual exports.
 *
 * This works because the engine's files import each other's names unchanged: the merge
 * throws if two files declare the same name or an import renames one (`import { a as b }`).
 */
function bundleDeclarations(files: Map<string, string>): string {
  const body: string[] = [];
  const exported: string[] = [];
  const owner = new Map<string, string>();
  const indexFile = `${DECLARATIONS}/index.d.ts`;
  for (const [fileName, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement)) {
        const bindings = statement.importClause?.namedBindings;
        const renamed =
          bindings !== undefined &&
          (ts.isNamespaceImport(bindings) || bindings.elements.some((e) => e.propertyName));
        if (renamed || statement.importClause?.name !== undefined) {
          throw new Error(`${fileName}: only plain named imports can be merged`);
        }
        continue;
      }
      if (ts.isExportDeclaration(statement)) {
        const clause = statement.exportClause;
        if (clause === undefined || !ts.isNamedExports(clause)) {
          throw new Error(`${fileName}: \`export *\` cannot be merged`);
        }
        if (fileName !== indexFile) {
          if (clause.elements.length === 0) continue;
          throw new Error(`${fileName}: re-exports outside index.ts cannot be merged`);
        }
        for (const element of clause.elements) {
          if (element.propertyName !== undefined) throw new Error(`${fileName}: renamed export`);
          const typeOnly = statement.isTypeOnly || element.isTypeOnly;
          exported.push(`${typeOnly ? 'type ' : ''}${element.name.text}`);
        }
        continue;
      }
      for (const name of declaredNames(statement)) {
        const previous = owner.get(name);
        if (previous !== undefined && previous !== fileName) {
          throw new Error(`${name} is declared in both ${previous} and ${fileName}`);
        }
        owner.set(name, fileName);
      }
      const exportKeyword = ts
        .getModifiers(statement as ts.HasModifiers)
        ?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      // Each file's leading module comment would repeat in the middle of the merged file.
      const leading = text
        .slice(statement.getFullStart(), statement.getStart())
        .replace(/\/\*\*(?:(?!\*\/)[\s\S])*@(?:packageDocumentation|module)[\s\S]*?\*\/\s*/g, '');
      const rest =
        exportKeyword === undefined
          ? text.slice(statement.getStart(), statement.getEnd())
          : text.slice(statement.getStart(), exportKeyword.getStart()) +
            text.slice(exportKeyword.getEnd() + 1, statement.getEnd());
      body.push(leading + rest);
    }
  }
  if (exported.length === 0) throw new Error(`no exports found in ${indexFile}`);
  const list = exported.map((name) => `  ${name},`).join('\n');
  return `${body.join('\n').trim()}\n\nexport {\n${list}\n};\n`;
}

/**
 * Builds the standalone engine into `outDir`, replacing what was there.
 *
 * @param outDir - the output folder; created if missing, emptied if present.
 * @returns the paths written.
 */
export async function buildEngine(outDir: string): Promise<EngineBuild> {
  const dir = resolve(outDir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const js = join(dir, `${moduleName}.js`);
  const dts = join(dir, `${moduleName}.d.ts`);

  await build({
    entryPoints: [entry],
    outfile: js,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    banner: { js: banner() },
    legalComments: 'inline',
    logLevel: 'warning',
  });

  writeFileSync(dts, `${banner()}\n${bundleDeclarations(emitDeclarations())}`);
  return { js, dts, map: `${js}.map` };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ?? join(root, 'public', 'engine');
  const written = await buildEngine(out);
  const size = readFileSync(written.js).length;
  console.log(
    `engine: ${relative(process.cwd(), written.js)} (${(size / 1024).toFixed(1)} KiB), ${relative(process.cwd(), written.dts)}`,
  );
}
