import { LOCALES, MAIL_TEMPLATES } from '@aula/contracts';
import { renderMail } from './mail-templates';

const params = {
  name: 'Nguyễn <b>Minh</b>',
  platform: 'Aula',
  course: 'Planning & "Regions"',
  cohort: '2026-1',
  activity: 'Action plan',
  start: 'Monday',
  due: 'Tuesday 18:30',
  closes: 'Wednesday 09:00',
  expires: 'Thursday 10:00',
  submittedAt: 'today',
  version: 2,
  count: 3,
  days: 7,
  workshop: 'Intercambio',
  reason: 'Full',
  position: 2,
  deadline: 'Friday 12:00',
};

describe('mail templates', () => {
  it.each(MAIL_TEMPLATES.flatMap((t) => LOCALES.map((l) => [t, l] as const)))('%s in %s: every placeholder filled, both parts', (template, locale) => {
    const mail = renderMail(template, locale, params, { action: 'https://aula.test/x?a=1&b=2', preferences: 'https://aula.test/profile' });
    for (const part of [mail.subject, mail.html, mail.text]) expect(part).not.toMatch(/\{\w+\}/);
    expect(mail.text).toContain('https://aula.test/x?a=1&b=2');
    expect(mail.html).toContain('href="https://aula.test/x?a=1&amp;b=2"');
    expect(mail.html).toContain(`lang="${locale}"`);
  });

  it('speaks the recipient\'s language', () => {
    const subjects = LOCALES.map((l) => renderMail('assignment-due', l, params, { action: 'https://aula.test/' }).subject);
    expect(new Set(subjects).size).toBe(3);
  });

  it('escapes names and titles in the HTML part and keeps subjects on one line', () => {
    const mail = renderMail('grade-released', 'en', { ...params, activity: 'Essay\r\nBcc: x@evil.example <script>' }, { action: 'https://aula.test/' });
    expect(mail.html).not.toContain('<b>Minh</b>');
    expect(mail.html).toContain('Nguyễn &lt;b&gt;Minh&lt;/b&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
