import { inspectActivityFile, UnsupportedFileError } from './activity-file.inspector';
import { SAMPLE_HTML, SAMPLE_SVG, sampleDocx, samplePdf, samplePng, sampleZip } from './testing/sample-files';

describe('inspectActivityFile', () => {
  it.each([
    ['a PDF', samplePdf(), 'guia.pdf', 'guia.pdf', 'application/pdf'],
    ['a PNG', samplePng(), 'mapa.png', 'mapa.png', 'image/png'],
    [
      'a Word document',
      sampleDocx(),
      'plan.docx',
      'plan.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['a ZIP', sampleZip({ 'datos.txt': 'hola' }), 'datos.zip', 'datos.zip', 'application/zip'],
    [
      'CSV text',
      Buffer.from('región,población\nBiobío,1556805\n'),
      'regiones.csv',
      'regiones.csv',
      'text/csv; charset=utf-8',
    ],
    [
      'plain text',
      Buffer.from('Notas de la sesión: 3 > 2\n'),
      'notas.txt',
      'notas.txt',
      'text/plain; charset=utf-8',
    ],
  ])('accepts %s by its content', async (_, content, name, storedName, contentType) => {
    await expect(inspectActivityFile(content, name)).resolves.toEqual({ name: storedName, contentType });
  });

  it('gives the name the extension of what the file really is', async () => {
    await expect(inspectActivityFile(samplePdf(), 'informe')).resolves.toMatchObject({ name: 'informe.pdf' });
    await expect(inspectActivityFile(samplePdf(), 'informe.html')).resolves.toMatchObject({
      name: 'informe.html.pdf',
    });
    await expect(inspectActivityFile(Buffer.from('a,b'), 'tabla.exe')).resolves.toMatchObject({
      name: 'tabla.exe.txt',
      contentType: 'text/plain; charset=utf-8',
    });
  });

  it.each([
    ['HTML renamed .pdf', SAMPLE_HTML, 'guia.pdf'],
    ['HTML renamed .txt', SAMPLE_HTML, 'notas.txt'],
    ['SVG renamed .png', SAMPLE_SVG, 'mapa.png'],
    ['text with a tag in it', Buffer.from('nombre,nota\n<img src=x onerror=alert(1)>,7\n'), 'notas.csv'],
    ['bytes that are not UTF-8 text', Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x42]), 'datos.csv'],
    ['an executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), 'setup.pdf'],
  ])('refuses %s with 415 naming the file', async (_, content, name) => {
    const error = await inspectActivityFile(content, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFileError);
    expect((error as UnsupportedFileError).getStatus()).toBe(415);
    expect((error as UnsupportedFileError).getResponse()).toMatchObject({ errors: [{ path: 'file' }] });
  });

  it('refuses an empty file with 400 naming the file', async () => {
    const error = await inspectActivityFile(Buffer.alloc(0), 'x.txt').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, response: { errors: [{ path: 'file' }] } });
  });
});
