import type { AttendanceMethod, CheckInBatchItem, CheckInBatchResponse, CheckInOutcome } from '@aula/contracts';

/** One scan or typed code kept in the browser until the API has answered it. */
export interface PendingScan {
  clientId: string;
  sessionId: string;
  code: string;
  method: Exclude<AttendanceMethod, 'roll'>;
  /** ISO instant of the scan: the attendance is dated then, even when sent hours later. */
  scannedAt: string;
}

/** What the API answered for a scan, kept for the screen's "last results". */
export interface ScanResult {
  clientId: string;
  sessionId: string;
  code: string;
  outcome: CheckInOutcome;
  displayName: string | null;
  /** The API's own words (English), for what the outcome alone does not say. */
  message: string | null;
  scannedAt: string;
}

/** Where the queue keeps its scans: localStorage in the app, a map in tests. */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Sends scans with the batch endpoint; throws when the API could not be reached. */
export type SendBatch = (items: CheckInBatchItem[]) => Promise<CheckInBatchResponse>;

export const RESULTS_KEPT = 20;
export const BATCH_SIZE = 100;

interface Stored {
  pending: PendingScan[];
  results: ScanResult[];
}

const newClientId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/**
 * The check-in screen's scans of one workshop, kept in the browser so that a dropped connection
 * loses none: each is sent with a client id the API records once, so sending it again after a
 * lost answer changes nothing. A scan leaves the queue only when the API has answered it.
 */
export class CheckInQueue {
  private readonly key: string;
  private sending: Promise<ScanResult[]> | null = null;

  constructor(
    private readonly storage: QueueStorage,
    workshopId: string,
    private readonly makeId: () => string = newClientId,
  ) {
    this.key = `aula.check-in.${workshopId}`;
  }

  private read(): Stored {
    try {
      const parsed = JSON.parse(this.storage.getItem(this.key) ?? 'null') as Partial<Stored> | null;
      return { pending: Array.isArray(parsed?.pending) ? parsed.pending : [], results: Array.isArray(parsed?.results) ? parsed.results : [] };
    } catch {
      return { pending: [], results: [] };
    }
  }

  private write(stored: Stored): void {
    this.storage.setItem(this.key, JSON.stringify(stored));
  }

  pending(): PendingScan[] {
    return this.read().pending;
  }

  /** Newest first. */
  results(): ScanResult[] {
    return this.read().results;
  }

  /**
   * Keeps a scan. The same code at the same session while one is still waiting is the same
   * scan (a camera reads a code many times a second): the waiting one is returned.
   */
  add(scan: { sessionId: string; code: string; method: PendingScan['method'] }, now: Date = new Date()): PendingScan {
    const stored = this.read();
    const code = scan.code.trim();
    const waiting = stored.pending.find((p) => p.sessionId === scan.sessionId && sameCode(p.code, code));
    if (waiting) return waiting;
    const pending: PendingScan = { clientId: this.makeId(), sessionId: scan.sessionId, code, method: scan.method, scannedAt: now.toISOString() };
    stored.pending.push(pending);
    this.write(stored);
    return pending;
  }

  /**
   * Sends every waiting scan, in batches; answered scans leave the queue and join the results.
   * A failure to reach the API keeps the rest for the next try (and is thrown). One sending at a
   * time: a second call while one runs waits for it.
   */
  flush(send: SendBatch, batchSize = BATCH_SIZE): Promise<ScanResult[]> {
    if (!this.sending) {
      this.sending = this.sendAll(send, batchSize).finally(() => (this.sending = null));
    }
    return this.sending;
  }

  private async sendAll(send: SendBatch, batchSize: number): Promise<ScanResult[]> {
    const answered: ScanResult[] = [];
    for (;;) {
      const batch = this.read().pending.slice(0, batchSize);
      if (!batch.length) return answered;
      const response = await send(batch.map(({ clientId, sessionId, code, method, scannedAt }) => ({ clientId, sessionId, code, method, scannedAt })));
      const byId = new Map(batch.map((p) => [p.clientId, p]));
      const results: ScanResult[] = [];
      for (const r of response.results) {
        const scan = byId.get(r.clientId);
        if (!scan) continue;
        results.push({
          clientId: r.clientId,
          sessionId: scan.sessionId,
          code: scan.code,
          outcome: r.outcome,
          displayName: r.attendance?.displayName ?? null,
          message: r.message,
          scannedAt: scan.scannedAt,
        });
      }
      const done = new Set(results.map((r) => r.clientId));
      // Read again: scans may have been added while the batch was on its way.
      const stored = this.read();
      stored.pending = stored.pending.filter((p) => !done.has(p.clientId));
      stored.results = [...[...results].reverse(), ...stored.results].slice(0, RESULTS_KEPT);
      this.write(stored);
      answered.push(...results);
      // An answer that named none of the batch would loop for ever.
      if (!done.size) return answered;
    }
  }
}

/** Two typed codes are the same when they differ only in case, spaces and dashes. */
export function sameCode(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().toUpperCase().replace(/[\s-]+/g, '');
  return a === b || norm(a) === norm(b);
}

/** Whether an outcome means the person is (now or already) checked in. */
export function checkedIn(outcome: CheckInOutcome): boolean {
  return outcome === 'recorded' || outcome === 'already-recorded';
}
