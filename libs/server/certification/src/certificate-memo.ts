/**
 * Memory for the text work of drawing certificates (segmenting, shaping, measuring).
 *
 * The certificates of a cohort repeat their template's text thousands of times, so that work is
 * worth keeping for the life of the process. But every certificate also prints text of its own
 * (the holder's name, the code, the verification link, the lines of a paragraph that hold the name),
 * and a process-wide cache that took those in would fill with entries no other document asks for:
 * they outlive the young generation, are dropped in bulk, and the worker's old generation grows
 * batch after batch. So a value is kept for the process only once a second document asks for it;
 * until then it lives in the document's own memo and dies with it.
 */

/** One document's memo: repeats within the document are answered here. */
export class DocumentMemo {
  private static documents = 0;
  /** Tells documents apart in RecurringMemo's first-seen table (a small integer). */
  readonly id = (DocumentMemo.documents = (DocumentMemo.documents + 1) & 0x3fffffff);
  private readonly values = new Map<RecurringMemo<unknown>, Map<string, unknown>>();

  /** The document's value for `key` in `memo`, computed once per document. */
  local<V>(memo: RecurringMemo<V>, key: string, compute: () => V): V {
    let values = this.values.get(memo as RecurringMemo<unknown>) as Map<string, V> | undefined;
    if (!values) this.values.set(memo as RecurringMemo<unknown>, (values = new Map()));
    let value = values.get(key);
    if (value === undefined) values.set(key, (value = compute()));
    return value;
  }
}

/** A process-wide memo that admits a value on the second document asking for it (bounded). */
export class RecurringMemo<V> {
  private readonly kept = new Map<string, V>();
  /** Hash of a key → the document that first computed it. Collisions only admit a value early. */
  private readonly firstSeenIn = new Map<number, number>();

  constructor(private readonly max = 2_000) {}

  get(document: DocumentMemo, key: string, compute: () => V): V {
    const kept = this.kept.get(key);
    if (kept !== undefined) return kept;
    return document.local(this, key, () => {
      const value = compute();
      const hash = hashOf(key);
      const first = this.firstSeenIn.get(hash);
      if (first === undefined) {
        if (this.firstSeenIn.size >= this.max * 16) this.firstSeenIn.clear();
        this.firstSeenIn.set(hash, document.id);
      } else if (first !== document.id) {
        if (this.kept.size >= this.max) this.kept.clear();
        this.kept.set(key, value);
        this.firstSeenIn.delete(hash);
      }
      return value;
    });
  }

  /** How many values are kept for the process (tests). */
  get size(): number {
    return this.kept.size;
  }
}

/** FNV-1a over UTF-16 code units, as a small integer. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash & 0x3fffffff;
}
