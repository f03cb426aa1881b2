/**
 * A controller's work queue: keys to reconcile, each at most once, in the order they were first
 * added (deterministic, unlike a real workqueue's goroutines). Keys added while a batch is being
 * processed wait for the next batch.
 */
export class WorkQueue<K = string> {
  private items = new Set<K>();

  add(key: K): void {
    this.items.add(key);
  }

  get size(): number {
    return this.items.size;
  }

  /** Takes everything queued so far. */
  drain(): K[] {
    if (this.items.size === 0) return [];
    const batch = [...this.items];
    this.items = new Set();
    return batch;
  }
}

interface Timer<K> {
  atMs: number;
  seq: number;
  key: K;
}

/**
 * Keys due at a simulated time (workqueue.AddAfter): a binary heap ordered by time, then by
 * insertion, so equal times come out in a deterministic order.
 */
export class DelayQueue<K = string> {
  private readonly heap: Timer<K>[] = [];
  private seq = 0;

  add(key: K, atMs: number): void {
    this.heap.push({ atMs, seq: this.seq++, key });
    this.up(this.heap.length - 1);
  }

  get size(): number {
    return this.heap.length;
  }

  /** The earliest due time, or Infinity. */
  peekTime(): number {
    return this.heap[0]?.atMs ?? Infinity;
  }

  /** Removes and returns every key due at or before `nowMs`, earliest first. */
  popDue(nowMs: number): K[] {
    const due: K[] = [];
    while (this.heap.length > 0 && (this.heap[0] as Timer<K>).atMs <= nowMs) {
      due.push(this.pop().key);
    }
    return due;
  }

  private pop(): Timer<K> {
    const top = this.heap[0] as Timer<K>;
    const last = this.heap.pop() as Timer<K>;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a] as Timer<K>;
    const y = this.heap[b] as Timer<K>;
    return x.atMs < y.atMs || (x.atMs === y.atMs && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    const t = this.heap[a] as Timer<K>;
    this.heap[a] = this.heap[b] as Timer<K>;
    this.heap[b] = t;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < this.heap.length && this.less(l, smallest)) smallest = l;
      if (r < this.heap.length && this.less(r, smallest)) smallest = r;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
