import { Readable } from 'node:stream';
import type { CertificateTemplate } from '@aula/contracts';
import { StorageNotFoundError, type StoragePort } from '@aula/server/storage';
import {
  DEFAULT_CERTIFICATE_TEMPLATE,
  fillPlaceholders,
  formatCertificateGrade,
  resolveTemplate,
  type PlaceholderValues,
  type StoredTemplate,
} from './certificate-template';
import { CertificateTemplateImages, inspectTemplateImage, templateImageKeys } from './certificate-template-images';
import { disguisedHtml, sampleJpeg, samplePng } from './testing/template-images';

function stored(title: string, version = 1): StoredTemplate {
  return { ...DEFAULT_CERTIFICATE_TEMPLATE, title: { en: title }, version, updatedAt: new Date() };
}

describe('template resolution', () => {
  it("uses the course's own template first", () => {
    const r = resolveTemplate(stored('Course', 3), stored('Programme'));
    expect(r).toMatchObject({ source: 'course', version: 3, template: { title: { en: 'Course' } } });
    expect(r.template).not.toHaveProperty('version');
  });

  it("falls back to the programme's template", () => {
    const r = resolveTemplate(null, stored('Programme', 2));
    expect(r).toMatchObject({ source: 'programme', version: 2, template: { title: { en: 'Programme' } } });
  });

  it('falls back to the built-in template', () => {
    expect(resolveTemplate(null, undefined)).toEqual({
      source: 'default',
      version: null,
      template: DEFAULT_CERTIFICATE_TEMPLATE,
    });
  });
});

describe('placeholders', () => {
  const values: PlaceholderValues = {
    name: 'محمد العلمي',
    course: 'Planificación',
    cohort: 'Bogotá 2026-1',
    startDate: '2 de febrero de 2026',
    endDate: '29 de mayo de 2026',
    completionDate: null,
    issueDate: '21 de mayo de 2026',
    expiryDate: null,
    hours: '40',
    grade: '87,5 %',
  };

  it('fills every known placeholder, the name in any script', () => {
    expect(fillPlaceholders('{name} — {course} ({cohort}), {hours} h, {grade}', values)).toBe(
      'محمد العلمي — Planificación (Bogotá 2026-1), 40 h, 87,5 %',
    );
  });

  it('drops a paragraph whose placeholder has no value', () => {
    expect(fillPlaceholders('Valid until {expiryDate}.', values)).toBeNull();
    expect(fillPlaceholders('Final grade: {grade}.', { ...values, grade: null })).toBeNull();
  });

  it('prints unknown placeholders as written', () => {
    expect(fillPlaceholders('Score {score}', values)).toBe('Score {score}');
  });

  it('formats the grade for the language', () => {
    expect(formatCertificateGrade(87.5, 'en')).toBe('87.5%');
    expect(formatCertificateGrade(87.5, 'es')).toBe('87,5\u00a0%');
    expect(formatCertificateGrade(87.5, 'pt')).toBe('87,5%');
    expect(formatCertificateGrade(100, 'en')).toBe('100%');
    expect(formatCertificateGrade(null, 'en')).toBeNull();
  });
});

describe('template images', () => {
  it('accepts PNG and JPEG by their content, with their size', () => {
    expect(inspectTemplateImage(samplePng(40, 20))).toEqual({
      contentType: 'image/png',
      extension: 'png',
      width: 40,
      height: 20,
    });
    expect(inspectTemplateImage(samplePng(3, 3, { alpha: true })).contentType).toBe('image/png');
    expect(inspectTemplateImage(sampleJpeg())).toMatchObject({ contentType: 'image/jpeg', width: 16, height: 16 });
  });

  it('refuses a page, a truncated or damaged PNG, and an oversized image, naming `file`', () => {
    expect(() => inspectTemplateImage(samplePng(4001, 1))).toThrow(/at most 4000/);
    const tooMany = samplePng(3500, 3500);
    expect(() => inspectTemplateImage(tooMany)).toThrow(/million pixels/);
    const png = samplePng(40, 20);
    const damaged = Buffer.from(png);
    damaged[damaged.length - 20] ^= 0xff;
    for (const bad of [disguisedHtml(), png.subarray(0, 40), damaged, samplePng(4001, 1), tooMany, Buffer.alloc(0)]) {
      expect(() => inspectTemplateImage(bad)).toThrow(
        expect.objectContaining({ response: expect.objectContaining({ errors: [expect.objectContaining({ path: 'file' })] }) }),
      );
    }
  });

  it('lists the keys a template uses', () => {
    const t: CertificateTemplate = {
      ...DEFAULT_CERTIFICATE_TEMPLATE,
      backgroundImageKey: 'a',
      logoImageKey: null,
      signatories: [
        { name: 'X', title: {}, signatureImageKey: 'b' },
        { name: 'Y', title: {} },
      ],
    };
    expect(templateImageKeys(t)).toEqual(['a', 'b']);
  });

  it('reads each image from storage once, and keeps a bounded number', async () => {
    const reads: string[] = [];
    const storage = {
      get: async (key: string) => {
        reads.push(key);
        if (key === 'missing') throw new StorageNotFoundError(key);
        return Readable.from([Buffer.from(key)]);
      },
    } as unknown as StoragePort;
    const images = new CertificateTemplateImages(storage);
    const template = { ...DEFAULT_CERTIFICATE_TEMPLATE, logoImageKey: 'logo', backgroundImageKey: null };
    const [a, b] = await Promise.all([images.forTemplate(template), images.forTemplate(template)]);
    await images.forTemplate(template);
    expect(a.logo?.toString()).toBe('logo');
    expect(b.logo).toBe(a.logo);
    expect(reads).toEqual(['logo']);
    for (let i = 0; i < 100; i++) await images.load(`k${i}`);
    expect(images.stats().entries).toBeLessThanOrEqual(24);
    await expect(images.load('missing')).rejects.toThrow(StorageNotFoundError);
  });
});
