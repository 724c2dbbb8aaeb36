/**
 * Resolves in a later task of the event loop, letting the browser handle input and paint first.
 * Widgets await it between evaluating their modules and drawing, so that going live is two
 * shorter tasks rather than one that leaves a slow phone unresponsive.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
