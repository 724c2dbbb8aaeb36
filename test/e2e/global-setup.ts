/**
 * Vitest global setup for the end-to-end tests: build `dist/` if it is stale, serve it with
 * `astro preview` on 127.0.0.1, hand the URL to the tests as `inject('baseUrl')`, and stop the
 * server afterwards.
 */
import type { TestProject } from 'vitest/node';
import { ensureBuilt, startPreview } from '../../scripts/e2e/site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the preview server, with trailing slash. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureBuilt();
  const server = await startPreview();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
