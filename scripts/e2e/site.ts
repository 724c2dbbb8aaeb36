/**
 * Build-and-serve helpers for the end-to-end tests: rebuild `dist/` when any input is newer than
 * the last complete build, and serve it with `astro preview` on 127.0.0.1.
 *
 * Run directly to get a built site on a free port for manual checks:
 * `npx node scripts/e2e/site.ts` (prints the URL; Ctrl-C stops it).
 *
 * @module
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

const astroBin = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Written last by a build (Starlight runs Pagefind after every page exists), so it marks a complete build. */
const buildMarker = join(root, 'dist', 'pagefind', 'pagefind-entry.json');

/** Files and folders whose changes change the built site. */
const buildInputs = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'src',
  'content',
  'public',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Whether `dist/` is missing, incomplete, or older than any build input.
 *
 * @returns `true` when a build is needed.
 */
export function isBuildStale(): boolean {
  if (!existsSync(buildMarker)) return true;
  const builtAt = statSync(buildMarker).mtimeMs;
  return buildInputs.some((input) => newestMtime(join(root, input)) > builtAt);
}

/**
 * The environment for Astro child processes. Test runners set `NODE_ENV=test` (Vitest does), and a
 * build that inherits it compiles `import.meta.env.DEV` as `true` — Starlight then ships its
 * "search only works in production builds" notice instead of the search box. Astro picks the right
 * mode itself when `NODE_ENV` is unset.
 */
function astroEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

function run(args: readonly string[]): Promise<void> {
  return runNode([astroBin, ...args]);
}

function runNode(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // process.execPath: the Node that runs the tests (22, from the `node` devDependency), which
    // Astro 7 requires; the system `node` may be older.
    const child = spawn(process.execPath, [...args], {
      cwd: root,
      env: astroEnv(),
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

/**
 * Run `astro build` when {@link isBuildStale} (or always with `E2E_REBUILD=1`; never with
 * `E2E_NO_BUILD=1`).
 *
 * @returns Whether a build ran.
 * @throws {Error} When the build fails.
 */
export async function ensureBuilt(): Promise<boolean> {
  if (process.env['E2E_NO_BUILD'] === '1') return false;
  if (process.env['E2E_REBUILD'] !== '1' && !isBuildStale()) return false;
  // The standalone engine module the mapping page links to is generated into public/ first.
  await runNode([join(root, 'scripts', 'build-engine.ts')]);
  await run(['build']);
  return true;
}

/** A free TCP port on 127.0.0.1, as reported by the OS for a throwaway listener. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not determine a free port'));
      });
    });
  });
}

/** A running `astro preview` server. */
export interface PreviewServer {
  /** Origin with trailing slash, e.g. `http://127.0.0.1:45123/`. */
  readonly url: string;
  /** Stop the server (and wait until it has exited). */
  stop(): Promise<void>;
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`astro preview exited early with code ${child.exitCode}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`astro preview did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Serve `dist/` with `astro preview` on 127.0.0.1 and a free port.
 *
 * @returns The server's URL and a `stop()` function.
 * @throws {Error} When the server does not answer within 30 s.
 */
export async function startPreview(): Promise<PreviewServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    // --ignore-lock: Astro 7 allows one tracked preview server per project and refuses to start a
    // second; an untracked one can run next to a developer's `npm start` and leaves no lock file.
    [astroBin, 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: root, env: astroEnv(), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilServing(url, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await ensureBuilt();
  const server = await startPreview();
  console.log(`Serving dist/ at ${server.url}`);
  process.once('SIGINT', () => void server.stop().then(() => process.exit(0)));
}
