/**
 * Builds for the quality gates: `dist/` brought up to date once even when several test files ask
 * at the same time, and a second build under a base path into a folder of its own.
 *
 * @module
 */

import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBuildStale, root } from '../e2e/site.ts';

const astroBin = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Held while one process builds `dist/`; a lock older than this is taken to be left over. */
const lockDir = join(
  tmpdir(),
  `lr-schedules-build-${Buffer.from(root).toString('hex').slice(-24)}.lock`,
);
const staleLockMs = 10 * 60_000;

function tryLock(): boolean {
  try {
    mkdirSync(lockDir);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(lockDir).mtimeMs > staleLockMs)
        rmSync(lockDir, { recursive: true, force: true });
    } catch {
      // Released in the meantime.
    }
    return false;
  }
}

/**
 * Rebuild `dist/` when it is stale (as the e2e global setup does: `E2E_REBUILD=1` forces a build,
 * `E2E_NO_BUILD=1` skips it), under a file lock, so test files that run in parallel wait for one
 * build instead of writing `dist/` at the same time.
 *
 * @returns Whether this call built.
 * @throws {Error} When the build fails, with the end of its log.
 */
export function ensureBuiltOnce(): Promise<boolean> {
  return withBuildLock(async () => {
    if (process.env['E2E_NO_BUILD'] === '1') return false;
    if (process.env['E2E_REBUILD'] !== '1' && !isBuildStale()) return false;
    await runBuild([]);
    return true;
  });
}

/**
 * Run `task` while holding the build lock. Astro builds of one project share its caches
 * (`.astro/`, Vite's dependency cache), so two must not run at once.
 */
async function withBuildLock<T>(task: () => Promise<T>): Promise<T> {
  while (!tryLock()) await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    return await task();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Variables Vitest sets in its own process (Vite's `import.meta.env` values mirrored into
 * `process.env`). A child `astro build` that inherits them builds in the wrong mode, and
 * `BASE_URL=/` overrides the `--base` flag.
 */
const testRunnerVariables = ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'];

/** The environment for Astro child processes: the test runner's variables removed. */
function astroEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of testRunnerVariables) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/**
 * `astro build --base <base> --outDir <outDir>`: the site as it would be deployed under a
 * sub-path. Astro's CLI takes `--base` like the `base` config option, so the configuration
 * needs no change for it.
 *
 * @param base - e.g. `/lr/`.
 * @param outDir - An empty or disposable folder (it is emptied first).
 * @returns The build's log (stdout and stderr), for error messages.
 * @throws {Error} When the build fails, with the end of its log.
 */
export function buildWithBase(base: string, outDir: string): Promise<string> {
  return withBuildLock(() => {
    rmSync(outDir, { recursive: true, force: true });
    return runBuild(['--base', base, '--outDir', outDir]);
  });
}

/**
 * What `npm run build` does — generate the standalone engine module into `public/`, then
 * `astro build` — with extra flags for Astro; resolves to the log of both.
 */
async function runBuild(flags: readonly string[]): Promise<string> {
  const engine = await runNode([join(root, 'scripts', 'build-engine.ts')]);
  return engine + (await runNode([astroBin, 'build', ...flags]));
}

/** Run a Node script (with the Node that runs the tests); resolves to its output. */
function runNode(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: astroEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(log)
        : reject(new Error(`${args.join(' ')} exited with ${code}:\n${log.slice(-4000)}`)),
    );
  });
}
