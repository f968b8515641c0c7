import * as QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a typed code is hard to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TYPED_CODE_LENGTH = 10;

/** 128 random bits, base64url (22 characters): what the QR code holds. */
export function newCheckInToken(): string {
  return randomBytes(16).toString('base64url');
}

/** 50 random bits as 10 characters of Crockford base 32. */
export function newTypedCode(): string {
  const bytes = randomBytes(TYPED_CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += ALPHABET[b & 31];
  return code;
}

/** `ABCDE-FGHJK`: how a typed code is shown. */
export function formatTypedCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What was typed or scanned, as the token and the typed code it could be: case, spaces and dashes
 * are ignored in a typed code, and O, I and L read as 0, 1 and 1.
 */
export function readCheckInCode(input: string): { token: string; code: string | null } {
  const token = input.trim();
  const code = token
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return { token, code: code.length === TYPED_CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null };
}

/** The QR code of a token as one SVG path of dark modules, a row's run of them one rectangle. */
export function qrSvgPath(data: string): { size: number; path: string } {
  const qr = QRCode.create([{ data: Buffer.from(data, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n, path: parts.join('') };
}
