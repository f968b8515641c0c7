import { attachmentDisposition, sanitiseFileName } from './file-name';

describe('sanitiseFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\win.ini', 'win.ini'],
    ['..', 'file'],
    ['.htaccess', 'htaccess'],
    ['informe\r\nContent-Type: text/html.pdf', 'html.pdf'],
    ['informe\r\nX-Evil: 1.pdf', 'informeX-Evil_ 1.pdf'],
    ['fact\u202Efdp.exe', 'factfdp.exe'],
    ['  Plan   de  acción  .pdf  ', 'Plan de acción .pdf'],
    ['a"b<c>.pdf', 'a_b_c_.pdf'],
    ['名前.pdf', '名前.pdf'],
    ['', 'file'],
  ])('%j becomes %j', (raw, safe) => {
    expect(sanitiseFileName(raw)).toBe(safe);
  });

  it('shortens long names and keeps the extension', () => {
    const long = sanitiseFileName(`${'á'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('uses a plain filename for ASCII names', () => {
    expect(attachmentDisposition('guide.pdf')).toBe('attachment; filename="guide.pdf"');
  });

  it('adds an RFC 5987 filename* for other names, with an ASCII fallback', () => {
    expect(attachmentDisposition("Guía d'acción (1).pdf")).toBe(
      `attachment; filename="Gu_a d'acci_n (1).pdf"; filename*=UTF-8''Gu%C3%ADa%20d%27acci%C3%B3n%20%281%29.pdf`,
    );
  });
});
