import type { CheckInBatchItem, CheckInBatchResponse, CheckInBatchResult } from '@aula/contracts';
import { describe, expect, it } from 'vitest';
import { CheckInQueue, RESULTS_KEPT, checkedIn, sameCode, type QueueStorage } from './check-in-queue';

class MemoryStorage implements QueueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

/** A fake API: records each client id once, like the server, and answers every item. */
class FakeApi {
  readonly recorded = new Map<string, string>();
  readonly calls: CheckInBatchItem[][] = [];
  offline = false;
  send = async (items: CheckInBatchItem[]): Promise<CheckInBatchResponse> => {
    if (this.offline) throw new Error('offline');
    this.calls.push(items);
    const results = items.map((item): CheckInBatchResult => {
      if (item.code === 'BAD') return { clientId: item.clientId, outcome: 'unknown-code', status: 404, message: 'No participant has this check-in code.', attendance: null };
      const key = `${item.sessionId}/${item.code}`;
      const seen = [...this.recorded.values()].includes(key);
      const again = this.recorded.has(item.clientId) || seen;
      this.recorded.set(item.clientId, key);
      return {
        clientId: item.clientId,
        outcome: again ? 'already-recorded' : 'recorded',
        status: 200,
        message: null,
        attendance: { sessionId: item.sessionId, registrationId: 'r', userId: 'u', displayName: `Person ${item.code}`, country: null, method: 'scan', recordedAt: item.scannedAt ?? '', alreadyRecorded: again },
      };
    });
    return { results };
  };
}

let ids = 0;
const queueOn = (storage: QueueStorage, workshop = 'w1') => new CheckInQueue(storage, workshop, () => `id-${++ids}`);

describe('CheckInQueue', () => {
  it('keeps scans in the storage, so a reloaded screen still has them', () => {
    const storage = new MemoryStorage();
    const q = queueOn(storage);
    q.add({ sessionId: 's1', code: 'AAAAA-BBBBB', method: 'typed' }, new Date('2031-03-10T14:05:00Z'));
    const again = queueOn(storage);
    expect(again.pending()).toEqual([expect.objectContaining({ sessionId: 's1', code: 'AAAAA-BBBBB', method: 'typed', scannedAt: '2031-03-10T14:05:00.000Z' })]);
    // Another workshop's screen has its own queue.
    expect(queueOn(storage, 'w2').pending()).toEqual([]);
  });

  it('counts a code read again at the same session while waiting as the same scan', () => {
    const q = queueOn(new MemoryStorage());
    const first = q.add({ sessionId: 's1', code: 'aaaaa bbbbb', method: 'scan' });
    expect(q.add({ sessionId: 's1', code: 'AAAAA-BBBBB', method: 'typed' })).toEqual(first);
    q.add({ sessionId: 's2', code: 'AAAAA-BBBBB', method: 'typed' });
    expect(q.pending()).toHaveLength(2);
  });

  it('keeps everything while offline and sends it, each once, when the connection returns', async () => {
    const api = new FakeApi();
    const q = queueOn(new MemoryStorage());
    q.add({ sessionId: 's1', code: 'C1', method: 'scan' });
    q.add({ sessionId: 's1', code: 'C2', method: 'scan' });
    api.offline = true;
    await expect(q.flush(api.send)).rejects.toThrow('offline');
    expect(q.pending()).toHaveLength(2);
    api.offline = false;
    const results = await q.flush(api.send);
    expect(results.map((r) => [r.code, r.outcome, r.displayName])).toEqual([
      ['C1', 'recorded', 'Person C1'],
      ['C2', 'recorded', 'Person C2'],
    ]);
    expect(q.pending()).toEqual([]);
    // Nothing left: flushing again sends nothing.
    await q.flush(api.send);
    expect(api.calls).toHaveLength(1);
  });

  it('shows conflicts and duplicates among the last results, newest first', async () => {
    const api = new FakeApi();
    const q = queueOn(new MemoryStorage());
    q.add({ sessionId: 's1', code: 'C1', method: 'scan' });
    await q.flush(api.send);
    q.add({ sessionId: 's1', code: 'C1', method: 'scan' });
    q.add({ sessionId: 's1', code: 'BAD', method: 'typed' });
    await q.flush(api.send);
    expect(q.results().map((r) => [r.code, r.outcome])).toEqual([
      ['BAD', 'unknown-code'],
      ['C1', 'already-recorded'],
      ['C1', 'recorded'],
    ]);
    expect(q.results()[0].message).toMatch(/no participant/i);
  });

  it('sends in batches and keeps only the latest results', async () => {
    const api = new FakeApi();
    const q = queueOn(new MemoryStorage());
    for (let i = 0; i < 25; i++) q.add({ sessionId: 's1', code: `C${i}`, method: 'scan' });
    await q.flush(api.send, 10);
    expect(api.calls.map((c) => c.length)).toEqual([10, 10, 5]);
    expect(q.results()).toHaveLength(RESULTS_KEPT);
    expect(q.results()[0].code).toBe('C24');
  });

  it('sends one batch at a time: a second flush while one is on its way waits for it', async () => {
    const api = new FakeApi();
    const q = queueOn(new MemoryStorage());
    q.add({ sessionId: 's1', code: 'C1', method: 'scan' });
    const [a, b] = await Promise.all([q.flush(api.send), q.flush(api.send)]);
    expect(api.calls).toHaveLength(1);
    expect(a).toBe(b);
  });

  it('keeps a scan added while a batch is on its way', async () => {
    const storage = new MemoryStorage();
    const q = queueOn(storage);
    const api = new FakeApi();
    q.add({ sessionId: 's1', code: 'C1', method: 'scan' });
    const send = async (items: CheckInBatchItem[]) => {
      q.add({ sessionId: 's1', code: 'LATE', method: 'typed' });
      return api.send(items);
    };
    await q.flush(async (items) => (api.calls.length ? api.send(items) : send(items)));
    expect(q.pending()).toEqual([]);
    expect(q.results().map((r) => r.code)).toEqual(['LATE', 'C1']);
  });

  it('survives a damaged storage entry', () => {
    const storage = new MemoryStorage();
    storage.setItem('aula.check-in.w1', '{not json');
    const q = queueOn(storage);
    expect(q.pending()).toEqual([]);
    q.add({ sessionId: 's1', code: 'C1', method: 'scan' });
    expect(q.pending()).toHaveLength(1);
  });

  it('compares codes without case, spaces or dashes, and tells checked-in outcomes', () => {
    expect(sameCode('abcde-fghjk', 'ABCDE FGHJK')).toBe(true);
    expect(sameCode('ABCDE-FGHJK', 'ABCDE-FGHJX')).toBe(false);
    expect(checkedIn('already-recorded')).toBe(true);
    expect(checkedIn('other-workshop')).toBe(false);
  });
});
