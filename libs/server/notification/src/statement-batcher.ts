interface Waiting<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

export interface StatementBatcherOptions {
  /** Most items in one run. */
  maxSize?: number;
  /** How long the first item of a batch waits for company (ms); 0 runs it at once. */
  maxWaitMs?: number;
}

/**
 * Group commit for one statement: calls that arrive within a few milliseconds, or while the
 * statement is already running, go together in one run, one round trip for all of them. A burst
 * (thousands of reminders in flight) costs a few round trips per batch instead of one per message;
 * a single call waits at most `maxWaitMs`. Each caller gets its own result.
 *
 * If a run of several fails, each of them is tried on its own, so one bad item (a row that breaks
 * a constraint) fails its own job only and never the jobs that happened to share its batch.
 */
export class StatementBatcher<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private running = false;
  private timer: NodeJS.Timeout | null = null;

  /** `run` answers one result per item, in the items' order. */
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: StatementBatcherOptions = {},
  ) {}

  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running) return; // the run in progress starts the next one when it ends
    if (this.waiting.length >= (this.options.maxSize ?? 500) || !this.options.maxWaitMs) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running || !this.waiting.length) return;
    const batch = this.waiting.splice(0, this.options.maxSize ?? 500);
    this.running = true;
    void this.settle(batch).finally(() => {
      this.running = false;
      // Whatever arrived meanwhile has waited long enough.
      if (this.waiting.length) this.flush();
    });
  }

  private async settle(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i] as O));
    } catch (e) {
      if (batch.length === 1) {
        batch[0]?.reject(e);
        return;
      }
      for (const b of batch) {
        try {
          const [result] = await this.run([b.item]);
          b.resolve(result as O);
        } catch (one) {
          b.reject(one);
        }
      }
    }
  }
}

/**
 * The mail pipeline's batches: a message is not urgent to the millisecond, so each statement waits
 * up to 20 ms for others (a few statements per message: well under a tenth of a second in all).
 */
export const MAIL_BATCHING: StatementBatcherOptions = { maxSize: 500, maxWaitMs: 20 };
