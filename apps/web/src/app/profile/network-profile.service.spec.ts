import { NETWORK_PHOTO_MAX_BYTES } from '@aula/contracts';
import { describe, expect, it } from 'vitest';
import { todayIn } from './my-institutions.component';
import { photoProblem } from './network-profile.service';

describe('photoProblem', () => {
  it('takes PNG, JPEG and WebP images up to the limit', () => {
    expect(photoProblem({ type: 'image/png', size: 1 })).toBeNull();
    expect(photoProblem({ type: 'image/jpeg', size: NETWORK_PHOTO_MAX_BYTES })).toBeNull();
    expect(photoProblem({ type: 'image/webp', size: 2048 })).toBeNull();
  });

  it('names why a file cannot be sent as a photo, before any upload', () => {
    expect(photoProblem({ type: 'image/jpeg', size: NETWORK_PHOTO_MAX_BYTES + 1 })).toBe('photoTooLarge');
    expect(photoProblem({ type: 'image/svg+xml', size: 300 })).toBe('photoType');
    expect(photoProblem({ type: 'image/gif', size: 300 })).toBe('photoType');
    expect(photoProblem({ type: '', size: 300 })).toBe('photoType');
    expect(photoProblem({ type: 'image/png', size: 0 })).toBe('photoEmpty');
  });
});

describe('todayIn', () => {
  // 03:30 UTC on 8 December: still the 7th in Bogotá, already the 8th in Ho Chi Minh City.
  const at = new Date('2026-12-08T03:30:00Z');

  it('is the calendar day in the person’s time zone', () => {
    expect(todayIn('America/Bogota', at)).toBe('2026-12-07');
    expect(todayIn('Asia/Ho_Chi_Minh', at)).toBe('2026-12-08');
    expect(todayIn('UTC', at)).toBe('2026-12-08');
  });
});
