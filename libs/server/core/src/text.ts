/** Lower-case, accents removed: "Ñúñez" and "nunez" meet. Works for any script. */
export function searchKey(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Names keep their script; only whitespace is tidied and the text put in canonical form. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}
