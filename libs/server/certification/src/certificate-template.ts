import type { CertificatePlaceholder, CertificateTemplate, Locale, Translations } from '@aula/contracts';

/**
 * The built-in template, used until a programme or course has its own. Text in every language
 * Aula speaks; `{placeholders}` are filled per certificate.
 */
export const DEFAULT_CERTIFICATE_TEMPLATE: CertificateTemplate = {
  orientation: 'landscape',
  defaultLocale: 'en',
  title: {
    en: 'Certificate of Completion',
    es: 'Certificado de finalización',
    pt: 'Certificado de conclusão',
  },
  intro: {
    en: 'This certifies that',
    es: 'Se certifica que',
    pt: 'Certificamos que',
  },
  body: {
    en: 'has successfully completed the course {course} in the cohort {cohort}, held from {startDate} to {endDate}.\n\nWorkload: {hours} hours.\n\nFinal grade: {grade}.\n\nCompleted on {completionDate}. Issued on {issueDate}.\n\nValid until {expiryDate}.',
    es: 'ha completado con éxito el curso {course} en la cohorte {cohort}, realizada del {startDate} al {endDate}.\n\nCarga horaria: {hours} horas.\n\nCalificación final: {grade}.\n\nFinalizado el {completionDate}. Emitido el {issueDate}.\n\nVálido hasta el {expiryDate}.',
    pt: 'concluiu com êxito o curso {course} na turma {cohort}, realizada de {startDate} a {endDate}.\n\nCarga horária: {hours} horas.\n\nNota final: {grade}.\n\nConcluído em {completionDate}. Emitido em {issueDate}.\n\nVálido até {expiryDate}.',
  },
  signatories: [
    {
      name: 'Programme Coordination',
      title: { en: 'Programme coordinator', es: 'Coordinación del programa', pt: 'Coordenação do programa' },
    },
  ],
};

/** Words printed around the template's own text: the verification line under the QR code. */
export const CERTIFICATE_LABELS: Record<Locale, { verify: string; code: string }> = {
  en: { verify: 'Verify this certificate at', code: 'Code' },
  es: { verify: 'Verifique este certificado en', code: 'Código' },
  pt: { verify: 'Verifique este certificado em', code: 'Código' },
};

/** The template's text in the language, else its default language, else any it has. */
export function pickTemplateText(text: Translations, locale: Locale, fallback: Locale): string {
  return text[locale] ?? text[fallback] ?? Object.values(text).find((v) => v !== undefined) ?? '';
}

export type PlaceholderValues = Record<CertificatePlaceholder, string | null>;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/**
 * Fills `{placeholders}`. Returns null when the text names a placeholder without a value, so a
 * paragraph such as "Workload: {hours} hours." disappears for a course without hours. Unknown
 * placeholders print as written: a typo in a template shows instead of vanishing.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string | null {
  let missing = false;
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name as CertificatePlaceholder];
    if (value === null || value === '') {
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? null : filled;
}

/** Dates printed in the trainee's language. Date-only values (YYYY-MM-DD) are calendar dates, not instants. */
export function formatCertificateDate(value: string | Date, locale: Locale, timeZone = 'UTC'): string {
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return dateFormat(locale, dateOnly ? 'UTC' : timeZone).format(instant);
}

// Building a formatter costs far more than using one.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })));
  return format;
}

/** The stored parts of a template, as a programme's or course's row holds them. */
export type StoredTemplate = CertificateTemplate & { version: number; updatedAt: Date };

export interface ResolvedTemplate {
  template: CertificateTemplate;
  /** Where it came from: the course's own, its programme's, or the built-in one. */
  source: 'course' | 'programme' | 'default';
  /** The version of the stored template used (null: the built-in one). */
  version: number | null;
}

/** A course uses its own template, else its programme's, else the built-in one. */
export function resolveTemplate(
  course: StoredTemplate | null | undefined,
  programme: StoredTemplate | null | undefined,
): ResolvedTemplate {
  if (course) return { template: withoutMeta(course), source: 'course', version: course.version };
  if (programme) return { template: withoutMeta(programme), source: 'programme', version: programme.version };
  return { template: DEFAULT_CERTIFICATE_TEMPLATE, source: 'default', version: null };
}

function withoutMeta(stored: StoredTemplate): CertificateTemplate {
  const { version: _version, updatedAt: _updatedAt, ...template } = stored;
  return template;
}

/** The grade as printed: a percentage written the way the language writes it ("87,5 %" in Spanish). */
export function formatCertificateGrade(percent: number | null, locale: Locale): string | null {
  if (percent === null || !Number.isFinite(percent)) return null;
  return gradeFormat(locale).format(percent / 100);
}

const gradeFormats = new Map<Locale, Intl.NumberFormat>();
function gradeFormat(locale: Locale): Intl.NumberFormat {
  let format = gradeFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    gradeFormats.set(locale, format);
  }
  return format;
}
