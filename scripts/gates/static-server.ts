/**
 * A tiny static file server for a build made with a base path: `GET /lr/x` serves `<dir>/x`, and
 * nothing is served outside `/lr/`, so any URL a page gets wrong shows up as a 404 — as it would on
 * a host that serves the site under a sub-path. Only for tests: 127.0.0.1, GET and HEAD.
 *
 * @module
 */

import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { normalizeBase, resolveSitePath } from './dist.ts';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A running {@link serveStatic} server. */
export interface StaticServer {
  /** Origin with trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly origin: string;
  /** URL of the site root, e.g. `http://127.0.0.1:41234/lr/`. */
  readonly url: string;
  /** Every request path answered with 404, in order. */
  readonly notFound: string[];
  stop(): Promise<void>;
}

/**
 * Serve a build folder under a base path on 127.0.0.1 and a free port.
 *
 * @param dir - Build folder.
 * @param base - e.g. `/lr/`; `/lr` redirects to `/lr/`, and other paths answer 404.
 * @returns The server's URLs, the 404s it answered, and `stop()`.
 */
export async function serveStatic(dir: string, base: string): Promise<StaticServer> {
  const prefix = normalizeBase(base);
  const notFound: string[] = [];
  const notFoundPage = join(dir, '404.html');
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    if (pathname === prefix.slice(0, -1)) {
      response.writeHead(301, { location: prefix }).end();
      return;
    }
    const file = resolveSitePath(dir, prefix, pathname);
    // A folder asked for without its trailing slash: redirect, so relative URLs resolve.
    if (file?.endsWith('index.html') && !pathname.endsWith('/') && !pathname.endsWith('.html')) {
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    if (!file) {
      notFound.push(pathname);
      response.writeHead(404, { 'content-type': contentTypes['.html']! });
      if (request.method === 'HEAD' || !existsSync(notFoundPage)) response.end();
      else createReadStream(notFoundPage).pipe(response);
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(join(dir, file)).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The static server has no port');
  const origin = `http://127.0.0.1:${address.port}/`;
  return {
    origin,
    url: new URL(prefix, origin).href,
    notFound,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
