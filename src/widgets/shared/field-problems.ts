/**
 * Rejected values beside their fields, the same way in every widget: a message element after the
 * field (with PyTorch's own message in a `<code>`, when there is one), the field marked
 * `aria-invalid` and described by the message. Text goes in with `textContent` only.
 *
 * @module
 */

/** A widget's form control. */
export type Field = HTMLInputElement | HTMLSelectElement;

/** How one widget shows its problems. */
export interface ProblemView<P> {
  /** Class of the message elements, e.g. `tr-error`; also how they are found to be removed. */
  readonly errorClass: string;
  /** The field a problem belongs to, if it is on screen. */
  fieldOf(problem: P): Field | undefined;
  /** The localized message of a problem. */
  message(problem: P): string;
  /** The words before PyTorch's message, e.g. `PyTorch says:`. */
  readonly pytorchLabel: string;
  /** Put a message element into the page next to its field. */
  place(field: Field, error: HTMLElement): void;
}

/**
 * Remove every message shown by {@link showFieldProblems} and the fields' invalid marks.
 *
 * @param host - The widget element.
 * @param errorClass - As in the {@link ProblemView}.
 * @param fields - The widget's fields.
 */
export function clearFieldProblems(
  host: HTMLElement,
  errorClass: string,
  fields: Iterable<Field>,
): void {
  host.querySelectorAll(`.${errorClass}`).forEach((element) => element.remove());
  for (const field of fields) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
}

/**
 * Show problems beside their fields (after clearing the previous ones yourself with
 * {@link clearFieldProblems}).
 *
 * @param problems - The problems, in order; the n-th message gets the id `<field id>-error<n>`.
 * @param view - How this widget shows them.
 * @returns Every problem's message, including those whose field is not on screen, for the
 *   widget's live region.
 */
export function showFieldProblems<P extends { readonly pytorch?: string | undefined }>(
  problems: readonly P[],
  view: ProblemView<P>,
): string[] {
  return problems.map((problem, n) => {
    const message = view.message(problem);
    const field = view.fieldOf(problem);
    if (!field) return message;
    const error = document.createElement('span');
    error.className = view.errorClass;
    error.id = `${field.id}-error${n}`;
    const text = document.createElement('span');
    text.textContent = message;
    error.append(text);
    if (problem.pytorch) {
      const original = document.createElement('span');
      const code = document.createElement('code');
      code.textContent = problem.pytorch;
      original.append(` ${view.pytorchLabel} `, code);
      error.append(original);
    }
    view.place(field, error);
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute(
      'aria-describedby',
      [field.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '),
    );
    return message;
  });
}
