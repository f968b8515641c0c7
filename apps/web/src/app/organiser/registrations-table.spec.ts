import type { WorkshopRegistrationRow, WorkshopRegistrationStatus } from '@aula/contracts';
import { describe, expect, it } from 'vitest';
import {
  APPROVABLE,
  DECLINABLE,
  applicable,
  countsByCountry,
  countsByStatus,
  visibleRows,
  waitingList,
} from './registrations-table';

const row = (arrival: number, status: WorkshopRegistrationStatus, displayName: string, country: string | null): WorkshopRegistrationRow => ({
  id: `r${arrival}`,
  workshopId: 'w',
  userId: `u${arrival}`,
  status,
  country,
  motivation: null,
  institution: null,
  position: null,
  sector: null,
  region: null,
  accessibilityNeeds: null,
  answers: {},
  arrival,
  waitlistPosition: null,
  offerExpiresAt: null,
  declineReason: null,
  createdAt: '',
  updatedAt: '',
  displayName,
  email: `p${arrival}@example.org`,
});

const rows = [
  row(3, 'waitlisted', 'Zoë', 'AR'),
  row(1, 'confirmed', 'Álvaro', 'CO'),
  row(2, 'pending', 'bruno', null),
  row(4, 'offered', 'Ana', 'CO'),
  row(5, 'declined', 'Chen', 'CO'),
];

describe('visibleRows', () => {
  it('keeps arrival order by default and for ties, and filters one status', () => {
    expect(visibleRows(rows, '', 'arrival', 'en').map((r) => r.arrival)).toEqual([1, 2, 3, 4, 5]);
    expect(visibleRows(rows, 'pending', 'arrival', 'en').map((r) => r.arrival)).toEqual([2]);
  });

  it('sorts by name ignoring accents and case, by status in lifecycle order, and by country with none last', () => {
    expect(visibleRows(rows, '', 'name', 'es').map((r) => r.displayName)).toEqual(['Álvaro', 'Ana', 'bruno', 'Chen', 'Zoë']);
    expect(visibleRows(rows, '', 'status', 'en').map((r) => r.status)).toEqual(['pending', 'confirmed', 'waitlisted', 'offered', 'declined']);
    expect(visibleRows(rows, '', 'country', 'en').map((r) => r.arrival)).toEqual([3, 1, 4, 5, 2]);
  });
});

describe('bulk actions', () => {
  it('applies approve to applications only and decline to applications, waiting places and offers', () => {
    const selected = new Set(['r1', 'r2', 'r3', 'r4']);
    const approve = applicable(rows, selected, APPROVABLE);
    expect(approve.rows.map((r) => r.id)).toEqual(['r2']);
    expect(approve.skipped).toBe(3);
    const decline = applicable(rows, selected, DECLINABLE);
    expect(decline.rows.map((r) => r.id).sort()).toEqual(['r2', 'r3', 'r4']);
    expect(decline.skipped).toBe(1);
  });
});

describe('waitingList', () => {
  it('lists those waiting or offered a seat in arrival order', () => {
    expect(waitingList(rows).map((r) => r.arrival)).toEqual([3, 4]);
  });
});

describe('chart counts', () => {
  it('counts every status, zeros included, in lifecycle order', () => {
    const counts = countsByStatus(rows, (s) => `label:${s}`);
    expect(counts.map((c) => [c.key, c.value])).toEqual([
      ['pending', 1],
      ['confirmed', 1],
      ['waitlisted', 1],
      ['offered', 1],
      ['declined', 1],
      ['withdrawn', 0],
      ['expired', 0],
      ['cancelled', 0],
    ]);
    expect(counts[0]?.label).toBe('label:pending');
  });

  it('counts people holding or waiting for a seat per country, without a country as its own bar', () => {
    const counts = countsByCountry(rows, (c) => c ?? 'none given');
    expect(counts).toEqual([
      { key: 'AR', label: 'AR', value: 1 },
      { key: 'CO', label: 'CO', value: 2 },
      { key: 'none', label: 'none given', value: 1 },
    ]);
  });
});
