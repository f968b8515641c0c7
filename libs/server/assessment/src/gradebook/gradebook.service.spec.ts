import type { GradeStatus } from '@aula/contracts';
import { readMarks } from './gradebook.service';

describe("reading a gradebook row's marks", () => {
  it('places each grade at its item and passes on only released points to the total', () => {
    const points: (number | null)[] = [1, 1, 1];
    const statuses: (GradeStatus | null)[] = ['draft', 'draft', 'draft'];
    const released: (number | null)[] = [7, 7, 7];
    readMarks('3 45.50 released,1 8.00 ready,2  draft', [false, false, false], points, statuses, released);
    expect(points).toEqual([8, null, 45.5]);
    expect(statuses).toEqual(['ready', 'draft', 'released']);
    expect(released).toEqual([null, null, 45.5]);
  });

  it('leaves out unreleased marks of blind-marked items, keeps their released ones', () => {
    const points: (number | null)[] = [null, null];
    const statuses: (GradeStatus | null)[] = [null, null];
    const released: (number | null)[] = [null, null];
    readMarks('1 8.00 ready,2 9.00 released', [true, true], points, statuses, released);
    expect(points).toEqual([null, 9]);
    expect(statuses).toEqual([null, 'released']);
  });

  it('reads no grades as empty cells', () => {
    const points: (number | null)[] = [1, 2];
    const statuses: (GradeStatus | null)[] = ['ready', 'ready'];
    const released: (number | null)[] = [1, 2];
    readMarks(null, [false, false], points, statuses, released);
    expect([points, statuses, released]).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});
