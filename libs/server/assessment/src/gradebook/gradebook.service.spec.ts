import type { GradeStatus } from '@aula/contracts';
import { readMarks } from './gradebook.service';

describe("reading a gradebook row's marks", () => {
  it('places each grade at its item and passes on only released points to the total', () => {
    const points: (number | null)[] = [1, 1, 1];
    const statuses: (GradeStatus | null)[] = ['draft', 'draft', 'draft'];
    const released: (number | null)[] = [7, 7, 7];
    readMarks('3 45.50 released,1 8.00 ready,2  draft', points, statuses, released);
    expect(points).toEqual([8, null, 45.5]);
    expect(statuses).toEqual(['ready', 'draft', 'released']);
    expect(released).toEqual([null, null, 45.5]);
  });

  it('reads no grades as empty cells', () => {
    const points: (number | null)[] = [1, 2];
    const statuses: (GradeStatus | null)[] = ['ready', 'ready'];
    const released: (number | null)[] = [1, 2];
    readMarks(null, points, statuses, released);
    expect([points, statuses, released]).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});
