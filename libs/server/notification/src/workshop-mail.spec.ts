import { dayBefore } from './reminder.finder';
import { bothClocks } from './workshop-mail';

describe('workshop mail times', () => {
  it("shows a moment on the recipient's clock and on the workshop's, both labelled", () => {
    const at = new Date('2031-03-10T14:00:00Z');
    expect(bothClocks(at, 'en', 'Asia/Manila', 'America/Bogota')).toMatch(/22:00 .*\(your time\) · .*09:00 .*\(workshop time, America\/Bogota\)$/);
    expect(bothClocks(at, 'es', 'Europe/Madrid', 'America/Bogota')).toMatch(/15:00 .*\(tu hora\) · .*09:00 .*\(hora del taller, America\/Bogota\)$/);
    expect(bothClocks(at, 'pt', 'America/Sao_Paulo', 'America/Bogota')).toMatch(/11:00 .*\(seu horário\) · .*09:00 .*\(horário do workshop, America\/Bogota\)$/);
  });

  it('finds the day before across month and year ends', () => {
    expect(dayBefore('2031-03-01')).toBe('2031-02-28');
    expect(dayBefore('2032-03-01')).toBe('2032-02-29');
    expect(dayBefore('2031-01-01')).toBe('2030-12-31');
  });
});
