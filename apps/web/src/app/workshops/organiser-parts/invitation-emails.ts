/** Addresses typed or pasted in any form (lines, commas, semicolons, spaces), each once, in order. */
export function parseEmails(text: string): { emails: string[]; invalid: string[] } {
  const seen = new Set<string>();
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const value = part.trim().replace(/^<|>$/g, '');
    if (!value) continue;
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) emails.push(value);
    else invalid.push(value);
  }
  return { emails, invalid };
}
