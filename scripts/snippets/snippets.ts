/**
 * The snippet convention, in code: discovering the PyTorch/TypeScript pairs under
 * `content/snippets/`, running each half, pulling the numbers out of what they print, comparing
 * them, and finding which pages show which snippet. `test/snippets/snippets.test.ts` is built on
 * it, and so is the `run.ts` command line next to this file. The convention itself is described
 * in `content/snippets/README.md`.
 *
 * @packageDocumentation
 */

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where snippet pairs live: `content/snippets/<page>/<name>.{py,ts}`. */
export const snippetRoot = join(repoRoot, 'content', 'snippets');

/** Where the articles that show snippets live. */
export const docsRoot = join(repoRoot, 'content', 'docs');

/** The interpreter that has PyTorch (Debian's `python3-torch`); the `python3` on `PATH` has not. */
export const pythonWithTorch = '/usr/bin/python3';

/** The per-page configuration file name (see {@link PageConfig}). */
export const pageConfigName = 'snippets.json';

/** The relative tolerance within which a TypeScript number must match PyTorch's. */
export const relativeTolerance = 1e-12;

/** The two halves of a snippet pair. */
export type Language = 'py' | 'ts';

/** One snippet pair, identified by `<page>/<name>`. */
export interface SnippetPair {
  /** `<page>/<name>`, the id pages and configs use. */
  id: string;
  page: string;
  name: string;
  /** Absolute paths of the halves; `undefined` where the file is missing. */
  py: string | undefined;
  ts: string | undefined;
}

/**
 * Exceptions a page folder may declare in `content/snippets/<page>/snippets.json`, each mapping
 * a snippet name to the reason, so every exception is explained where it is made.
 */
export interface PageConfig {
  /** Pairs whose output is not compared numerically (they may print no numbers). */
  nonNumeric: Record<string, string>;
  /** Pairs that may write to stderr (for example to show a warning PyTorch emits). */
  allowStderr: Record<string, string>;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** A path relative to the repository root, with forward slashes, for messages. */
export function repoPath(path: string): string {
  return relative(repoRoot, path).split(sep).join('/');
}

/** Every file under `content/snippets/`, absolute paths, sorted. */
export function snippetFiles(): string[] {
  return filesUnder(snippetRoot);
}

/**
 * Groups the `.py` and `.ts` files under `content/snippets/<page>/` into pairs by name. A file
 * without its partner still yields a pair, with the missing half `undefined`, so a test can
 * report it.
 *
 * @returns pairs sorted by id.
 */
export function discoverPairs(): SnippetPair[] {
  const pairs = new Map<string, SnippetPair>();
  for (const file of snippetFiles()) {
    const match = /^(.+)\/([^/]+)\.(py|ts)$/.exec(relative(snippetRoot, file).split(sep).join('/'));
    if (match === null) continue;
    const [, page, name, language] = match as unknown as [string, string, string, Language];
    const id = `${page}/${name}`;
    const pair = pairs.get(id) ?? { id, page, name, py: undefined, ts: undefined };
    pair[language] = file;
    pairs.set(id, pair);
  }
  return [...pairs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function reasons(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where} must be an object mapping snippet names to reasons`);
  }
  for (const [name, reason] of Object.entries(value)) {
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`${where}.${name} needs a reason (a non-empty string)`);
    }
  }
  return value as Record<string, string>;
}

/**
 * Reads `content/snippets/<page>/snippets.json` (absent means no exceptions).
 *
 * @throws Error if the file has keys other than `nonNumeric` and `allowStderr`, or an entry
 *   without a reason.
 */
export function readPageConfig(page: string): PageConfig {
  const path = join(snippetRoot, page, pageConfigName);
  if (!existsSync(path)) return { nonNumeric: {}, allowStderr: {} };
  const where = repoPath(path);
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${where} must hold a JSON object`);
  }
  const unknownKeys = Object.keys(raw).filter((k) => k !== 'nonNumeric' && k !== 'allowStderr');
  if (unknownKeys.length > 0) throw new Error(`${where}: unknown keys ${unknownKeys.join(', ')}`);
  const config = raw as Record<string, unknown>;
  return {
    nonNumeric: reasons(config['nonNumeric'], `${where} nonNumeric`),
    allowStderr: reasons(config['allowStderr'], `${where} allowStderr`),
  };
}

/** What one run of a snippet produced. */
export interface RunResult {
  /** Exit code; `null` if the process was killed (for example by the timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds. */
  ms: number;
}

/**
 * The command that runs a snippet file: the `.ts` half with the Node that runs this code
 * (Node 22 from the `node` devDependency strips the types and resolves `'lr-schedules'` through
 * the package's self-reference), the `.py` half with {@link pythonWithTorch}.
 */
export function commandFor(file: string): [string, string[]] {
  if (file.endsWith('.ts')) return [process.execPath, [file]];
  if (file.endsWith('.py')) return [pythonWithTorch, [file]];
  throw new Error(`not a snippet file: ${file}`);
}

/**
 * Runs one snippet file to completion, from the repository root.
 *
 * @param file - absolute path of a `.py` or `.ts` snippet.
 * @param timeoutMs - the process is killed after this long.
 */
export function runSnippet(file: string, timeoutMs = 120_000): Promise<RunResult> {
  const [command, args] = commandFor(file);
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    // Warnings must reach stderr, where the test sees them, however the caller's shell is set.
    const inherited = { ...process.env };
    delete inherited['NODE_NO_WARNINGS'];
    delete inherited['PYTHONWARNINGS'];
    const child = spawn(command, args, {
      cwd: repoRoot,
      // No .pyc files in the tree; no colour codes in the output.
      env: { ...inherited, PYTHONDONTWRITEBYTECODE: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolvePromise({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

let torchAvailable: boolean | undefined;

/** Whether {@link pythonWithTorch} exists and can `import torch` (checked once). */
export function hasTorch(): boolean {
  torchAvailable ??=
    spawnSync(pythonWithTorch, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  return torchAvailable;
}

// A number standing on its own: not part of an identifier such as `T_0` or `lr2`. Covers
// Python's repr (`1e-05`, `inf`, `nan`) and JavaScript's shortest round-trip strings (`1e-7`,
// `Infinity`, `NaN`).
const NUMBER =
  /(?<![\w.])[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|inf(?:inity)?|nan)(?![\w.])/gi;

/**
 * The numbers in a program's output, in order, as Python and JavaScript print them.
 *
 * @example
 * ```ts
 * extractNumbers('[0.1, 1e-05]\nT_0 = 5 lr=inf'); // [0.1, 0.00001, 5, Infinity]
 * ```
 */
export function extractNumbers(output: string): number[] {
  return [...output.matchAll(NUMBER)].map(([token]) => {
    const lower = token.toLowerCase().replace(/^\+/, '');
    if (lower === 'nan' || lower === '-nan') return Number.NaN;
    if (lower === 'inf' || lower === 'infinity') return Number.POSITIVE_INFINITY;
    if (lower === '-inf' || lower === '-infinity') return Number.NEGATIVE_INFINITY;
    return Number(lower);
  });
}

/**
 * Whether two printed numbers agree: both NaN, equal (infinities included), or within
 * `tolerance` relative to the larger magnitude.
 */
export function numbersAgree(a: number, b: number, tolerance = relativeTolerance): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Compares the numbers two runs printed.
 *
 * @returns `null` if they agree, else a description of the first mismatch.
 */
export function compareOutputs(
  python: readonly number[],
  typescript: readonly number[],
  tolerance = relativeTolerance,
): string | null {
  if (python.length !== typescript.length) {
    return `PyTorch printed ${python.length} numbers, TypeScript ${typescript.length}`;
  }
  for (let i = 0; i < python.length; i += 1) {
    const a = python[i] as number;
    const b = typescript[i] as number;
    if (!numbersAgree(a, b, tolerance)) {
      const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
      return `number ${i + 1}: PyTorch ${a}, TypeScript ${b} (relative difference ${rel})`;
    }
  }
  return null;
}

/** A snippet file an article refers to. */
export interface SnippetReference {
  /** The article, relative to the repository root. */
  page: string;
  /** Absolute path of the snippet file referred to. */
  file: string;
}

/** Every `.md`/`.mdx` article under `content/docs/`, absolute paths. */
export function articleFiles(): string[] {
  return filesUnder(docsRoot).filter((path) => /\.mdx?$/.test(path));
}

/**
 * The snippet files an article shows, in either of the two supported forms:
 *
 * - `<SnippetPair src="<page>/<name>" />`, which shows both halves;
 * - a raw import, `import py from '../../snippets/<page>/<name>.py?raw'`, resolved relative to
 *   the article.
 *
 * @param article - absolute path of the article.
 */
export function snippetReferences(article: string): SnippetReference[] {
  return snippetReferencesIn(readFileSync(article, 'utf8'), article);
}

/**
 * {@link snippetReferences} of an article's source text.
 *
 * @param source - the MDX source.
 * @param article - the article's absolute path, against which relative imports resolve.
 */
export function snippetReferencesIn(source: string, article: string): SnippetReference[] {
  const page = repoPath(article);
  const refs: SnippetReference[] = [];
  for (const [, id] of source.matchAll(/<SnippetPair\b[^>]*?\bsrc=["']([^"']+)["']/g)) {
    for (const ext of ['py', 'ts']) refs.push({ page, file: join(snippetRoot, `${id}.${ext}`) });
  }
  for (const [, spec] of source.matchAll(/from\s+["']([^"']+\.(?:py|ts))\?raw["']/g)) {
    const file = resolve(dirname(article), spec as string);
    if (file.startsWith(snippetRoot + sep)) refs.push({ page, file });
  }
  return refs;
}
