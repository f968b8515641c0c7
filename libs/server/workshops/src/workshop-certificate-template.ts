import type { CertificateTemplate } from '@aula/contracts';

/**
 * The template kind `workshop`: a participation certificate. `{course}` is the workshop's title,
 * `{cohort}` the host institution, `{hours}` the hours attended and `{grade}` the workshop's hours
 * (already formatted), `{startDate}`/`{endDate}` its dates.
 */
export const WORKSHOP_CERTIFICATE_TEMPLATE: CertificateTemplate = {
  orientation: 'landscape',
  defaultLocale: 'en',
  title: {
    en: 'Certificate of Participation',
    es: 'Certificado de participación',
    pt: 'Certificado de participação',
  },
  intro: {
    en: 'This certifies that',
    es: 'Se certifica que',
    pt: 'Certificamos que',
  },
  body: {
    en: 'participated in the workshop {course}, hosted by {cohort}, held from {startDate} to {endDate}.\n\nHours attended: {hours} of {grade}.\n\nIssued on {issueDate}.',
    es: 'participó en el taller {course}, organizado por {cohort}, realizado del {startDate} al {endDate}.\n\nHoras de asistencia: {hours} de {grade}.\n\nEmitido el {issueDate}.',
    pt: 'participou da oficina {course}, organizada por {cohort}, realizada de {startDate} a {endDate}.\n\nHoras de presença: {hours} de {grade}.\n\nEmitido em {issueDate}.',
  },
  signatories: [
    {
      name: 'Programme Coordination',
      title: { en: 'Programme coordinator', es: 'Coordinación del programa', pt: 'Coordenação do programa' },
    },
  ],
};
