import type { WorkshopSessionView } from '@aula/contracts';
import { describe, expect, it } from 'vitest';
import { currentSession, sessionTitle } from './session-label';

const session = (id: string, startsAt: string, endsAt: string): WorkshopSessionView => ({
  id,
  title: { es: `Sesión ${id}` },
  description: {},
  speakers: [],
  room: null,
  link: null,
  startsAt,
  endsAt,
});

const agenda = [
  session('b', '2031-03-10T16:00:00Z', '2031-03-10T17:00:00Z'),
  session('a', '2031-03-10T14:00:00Z', '2031-03-10T15:30:00Z'),
  session('c', '2031-03-11T14:00:00Z', '2031-03-11T15:00:00Z'),
];

describe('the session the check-in screen opens on', () => {
  it('is the one running now', () => {
    expect(currentSession(agenda, new Date('2031-03-10T14:30:00Z'))?.id).toBe('a');
    expect(currentSession(agenda, new Date('2031-03-10T16:59:59Z'))?.id).toBe('b');
  });

  it('is the next one between sessions and before the first, and the last after the end', () => {
    expect(currentSession(agenda, new Date('2031-03-10T15:45:00Z'))?.id).toBe('b');
    expect(currentSession(agenda, new Date('2031-03-01T00:00:00Z'))?.id).toBe('a');
    expect(currentSession(agenda, new Date('2031-04-01T00:00:00Z'))?.id).toBe('c');
    expect(currentSession([], new Date())).toBeNull();
  });

  it('is named in the reader’s language, else in the language it has', () => {
    expect(sessionTitle({ es: 'Apertura', en: 'Opening' }, 'en')).toBe('Opening');
    expect(sessionTitle({ es: 'Apertura' }, 'pt')).toBe('Apertura');
  });
});
