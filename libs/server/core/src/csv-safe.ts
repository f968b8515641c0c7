/**
 * Spreadsheet software runs cells that start with = + - @ (and tab or carriage return, which some
 * strip first) as formulas: `=HYPERLINK(...)` in a display name must stay text. Such cells get a
 * leading apostrophe, which spreadsheets show as a text marker.
 */
export function formulaSafe(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Excel reads UTF-8 CSV as such (accents intact) only when it starts with a byte order mark. */
export const UTF8_BOM = '\ufeff';
