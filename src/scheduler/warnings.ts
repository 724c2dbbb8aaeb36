/**
 * PyTorch's `UserWarning`s (calling `scheduler.step()` before `optimizer.step()`, passing an
 * explicit epoch, calling `getLr()` outside `step()`) go through one replaceable handler.
 *
 * @packageDocumentation
 */

/** Receives every warning the port emits, with PyTorch's message text. */
export type WarningHandler = (message: string) => void;

const defaultHandler: WarningHandler = (message) => {
  console.warn(`UserWarning: ${message}`);
};

let handler: WarningHandler = defaultHandler;

/**
 * Replaces the warning handler; `null` restores the default (`console.warn`).
 *
 * @param next - the new handler, or `null`.
 * @returns the previous handler, so a caller can restore it.
 * @example
 * ```ts
 * const previous = setWarningHandler(() => {});
 * try { sampleSchedule(...); } finally { setWarningHandler(previous); }
 * ```
 */
export function setWarningHandler(next: WarningHandler | null): WarningHandler {
  const previous = handler;
  handler = next ?? defaultHandler;
  return previous;
}

/** Emits a warning through the current handler. */
export function warn(message: string): void {
  handler(message);
}

/**
 * Runs `fn` with warnings discarded, restoring the previous handler afterwards even if `fn`
 * throws. Used by chart sampling, where no optimizer steps between scheduler steps.
 */
export function withoutWarnings<T>(fn: () => T): T {
  const previous = setWarningHandler(() => {});
  try {
    return fn();
  } finally {
    setWarningHandler(previous);
  }
}
