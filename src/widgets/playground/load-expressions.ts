/**
 * The `lr_lambda` expression language (`expression.ts`) on demand. Only `LambdaLR` and
 * `MultiplicativeLR` need it, so the playground fetches it as a chunk of its own: before its first
 * chart when the address names one of them, else right after the first chart, or at the latest
 * when the reader picks one.
 *
 * @module
 */
import { expressionsProvided, provideExpressions, queryUsesExpressions } from './model.ts';

/**
 * Load the expression language (once) and give it to the model.
 *
 * @returns When the model has it.
 */
export async function loadExpressions(): Promise<void> {
  if (expressionsProvided()) return;
  provideExpressions(await import('./expression.ts'));
}

/**
 * Load the expression language first when a shared address needs it to be read.
 *
 * @param search - `location.search`.
 * @returns When the address can be read.
 */
export async function prepareForQuery(search: string): Promise<void> {
  if (queryUsesExpressions(search)) await loadExpressions();
}
