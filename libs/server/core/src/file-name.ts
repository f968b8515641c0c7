const MAX_NAME_LENGTH = 200;

/**
 * The name a person gave their file, made safe to store and to send back in a header: no
 * folders (`../`), no control characters (CR/LF, NUL), no bidi overrides that disguise an
 * extension, no leading dots, none of the characters Windows refuses. Never used as a storage
 * key: keys are generated.
 */
export function sanitiseFileName(raw: string, fallback = 'file'): string {
  let name = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, '')
    .split(/[\\/]/)
    .pop() as string;
  name = name
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!name) return fallback;
  const chars = [...name];
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return (
    chars
      .slice(0, MAX_NAME_LENGTH - [...extension].length)
      .join('')
      .trimEnd() + extension
  );
}

/** The extension after the last dot, lower-case, or '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * `Content-Disposition: attachment` with an ASCII `filename` for old clients and, when the
 * name is not plain ASCII, an RFC 5987 `filename*` carrying it exactly.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  if (ascii === name) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
