/**
 * The code generator (`code.ts`) on demand. It is not needed to draw a chart, so the controllers
 * fetch it as a chunk of its own: `ScheduleChart` on the reader's first edit or copy, the
 * playground right after its first chart is on screen.
 *
 * @module
 */

/** What `code.ts` exports. */
export type CodeModule = typeof import('./code.ts');

/**
 * Load the code generator (once; later calls share the same module).
 *
 * @returns `code.ts`.
 */
export function loadCode(): Promise<CodeModule> {
  return import('./code.ts');
}
