/**
 * A priority queue of timed events for the discrete-event kernel.
 *
 * Events are ordered by time, then by insertion sequence, so two events due at the same instant run in the
 * order they were scheduled: the simulation never depends on how a heap happens to break ties. The queue is
 * a binary min-heap; cancelling an event only marks it (lazy deletion) and `pop` discards marked events.
 */

/** An event as the queue hands it back; `cancel` accepts it as a handle. */
export interface QueuedEvent {
  readonly timeSec: number;
  /** Insertion sequence number, unique per queue and increasing. */
  readonly seq: number;
  readonly action: () => void;
}

export class EventQueue {
  private readonly heap: Entry[] = [];
  private nextSeq = 0;
  private live = 0;

  /** Number of events that are scheduled and not cancelled. */
  get size(): number {
    return this.live;
  }

  /** Adds an event due at `timeSec` and returns its handle. */
  push(timeSec: number, action: () => void): QueuedEvent {
    const entry: Entry = { timeSec, seq: this.nextSeq++, action, cancelled: false };
    this.heap.push(entry);
    this.siftUp(this.heap.length - 1);
    this.live++;
    return entry;
  }

  /** Marks an event as cancelled; cancelling twice, or after it ran, does nothing. */
  cancel(event: QueuedEvent): void {
    const entry = event as Entry;
    if (entry.cancelled) return;
    entry.cancelled = true;
    if (entry.inQueue !== false) this.live--;
  }

  /** Time of the earliest live event, or undefined when the queue is empty. */
  peekTime(): number | undefined {
    this.dropCancelledTop();
    return this.heap.length === 0 ? undefined : this.heap[0]!.timeSec;
  }

  /** Removes and returns the earliest live event, or undefined when the queue is empty. */
  pop(): QueuedEvent | undefined {
    this.dropCancelledTop();
    const top = this.removeTop();
    if (top === undefined) return undefined;
    top.inQueue = false;
    this.live--;
    return top;
  }

  private dropCancelledTop(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.removeTop();
  }

  private removeTop(): Entry | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    const entry = heap[index]!;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!before(entry, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = entry;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const length = heap.length;
    const entry = heap[index]!;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, entry)) break;
      heap[index] = heap[child]!;
      index = child;
    }
    heap[index] = entry;
  }
}

interface Entry extends QueuedEvent {
  cancelled: boolean;
  /** Set to false once the event has been popped, so a late cancel does not miscount. */
  inQueue?: boolean;
}

function before(a: Entry, b: Entry): boolean {
  return a.timeSec < b.timeSec || (a.timeSec === b.timeSec && a.seq < b.seq);
}
