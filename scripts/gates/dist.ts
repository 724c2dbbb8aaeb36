/**
 * The built site as the quality gates see it: which HTML pages a build folder holds, the URL path
 * each is served at, and which file a URL path resolves to — for a site deployed at the domain root
 * (`base` `/`) or under a sub-path (`base` `/lr/`).
 *
 * The resolution mirrors a plain static file server (and `astro preview`): `/a/b/` serves
 * `a/b/index.html`, `/a/b` serves the file `a/b` or, when that is a folder, `a/b/index.html`.
 *
 * @module
 */

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The default build folder, `dist/`. */
export const defaultDist = join(repoRoot, 'dist');

/**
 * Normalize a base path to the `/…/` form (leading and trailing slash).
 *
 * @param base - e.g. `lr`, `/lr`, `/lr/` or `/`.
 * @returns e.g. `/lr/` (or `/`).
 * @example
 * normalizeBase('lr'); // "/lr/"
 */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Every file under a folder, as `/`-separated paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.split(sep).join('/'))
    .sort();
}

/** An HTML page of a build. */
export interface SitePage {
  /** Path of the file relative to the build folder, e.g. `en/gallery/index.html`. */
  readonly file: string;
  /** URL path it is served at, including the base, e.g. `/lr/en/gallery/` or `/404.html`. */
  readonly path: string;
}

/**
 * The HTML pages of a build folder with the URL path of each.
 *
 * @param dist - Build folder.
 * @param base - Base path the build was made for (default `/`).
 * @returns Pages sorted by path.
 * @throws {Error} When the folder does not exist.
 */
export function sitePages(dist: string = defaultDist, base = '/'): SitePage[] {
  if (!existsSync(dist)) throw new Error(`No build at ${dist}: run \`npm run build\` first.`);
  const prefix = normalizeBase(base);
  return listFiles(dist)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({
      file,
      path: prefix + (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The file a URL path is served from, or `undefined` when there is none.
 *
 * @param dist - Build folder.
 * @param base - Base path of the build; paths outside it resolve to nothing.
 * @param pathname - URL path, percent-encoded as in a URL (`/zh-cn/%E4%B8%AD/`).
 * @returns Path of the file relative to `dist`, e.g. `zh-cn/index.html`.
 * @example
 * resolveSitePath('dist', '/lr/', '/lr/en/'); // "en/index.html" (when it exists)
 */
export function resolveSitePath(dist: string, base: string, pathname: string): string | undefined {
  const prefix = normalizeBase(base);
  const inside =
    pathname === prefix.slice(0, -1)
      ? ''
      : pathname.startsWith(prefix)
        ? pathname.slice(prefix.length)
        : undefined;
  if (inside === undefined) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(inside);
  } catch {
    return undefined;
  }
  if (relative.split('/').some((segment) => segment === '..')) return undefined;
  const candidates =
    relative === '' || relative.endsWith('/')
      ? [`${relative}index.html`]
      : [relative, `${relative}/index.html`];
  return candidates.find((candidate) => {
    const full = join(dist, candidate);
    return existsSync(full) && statSync(full).isFile();
  });
}
