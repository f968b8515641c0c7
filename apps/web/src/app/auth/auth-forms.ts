/** Moves focus to the first field the person still has to fix, so they do not have to hunt for it. */
export function focusFirstInvalid(root: HTMLElement): void {
  // Material marks the host; the focusable element is inside (input or the select trigger).
  queueMicrotask(() => {
    const invalid = root.querySelector<HTMLElement>(
      'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, [aria-invalid="true"]',
    );
    invalid?.focus();
  });
}

/** Only same-app paths: never let a crafted link send someone to another site after sign-in. */
export function safeReturnUrl(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/sign-in') || value.startsWith('/register')) return null;
  return value;
}
