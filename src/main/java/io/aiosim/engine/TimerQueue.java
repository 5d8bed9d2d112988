package io.aiosim.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The loop's {@code _scheduled} heap, ordered by {@code (when, seq)} as SPEC 5 requires, built for
 * a million timers. Entries are <em>buckets</em>: a bucket is a chain of timers due at one
 * instant in the order they were set.
 *
 * <p>A new timer joins the newest bucket when it is due at that bucket's instant (N tasks that
 * sleep the same delay in one batch make one entry), otherwise it opens a bucket of its own.
 * That keeps the exact order: every timer of a bucket was set before every timer of any bucket
 * opened later, so buckets due at one instant are ordered by the seq of their first timer, and
 * no other bucket's seq falls between a bucket's first and last timer's. Cancelled timers are
 * dropped lazily, as asyncio does.
 *
 * <p>Keys are distinct, so any structure that yields the least key first pops exactly what
 * {@code heapq} pops. Buckets opened since the loop last looked wait unordered; when it looks, a
 * few go into a binary heap, and a batch (a gather of a million tasks opens a million buckets at
 * once) is sorted and merged into a sorted run read front to back. A million sift-downs through
 * arrays too large for the cache took a third of the engine's time at 1M; a sort of packed
 * {@code long}s and a sequential read take a fraction of that. The heap's sift loops compare
 * {@code long}s in an array instead of chasing each timer object.
 */
final class TimerQueue {
  /** A batch this large, against what is queued, is sorted into the run (smaller: the heap). */
  static final int BATCH = 64;

  private long[] whens = new long[64]; // the heap
  private TimerHandle[] heads = new TimerHandle[64];
  private int size;
  // The run and the new buckets keep no instants beside their heads: each is read once, next to
  // its timer, and a million of them kept 16 MB more alive at 1M.
  private TimerHandle[] runHeads = new TimerHandle[0]; // the sorted run, read from runPos to its end
  private int runPos;
  /**
   * Buckets opened since the last look, in that order, in blocks of 1,024: a million of them (a
   * gather's sleeps) grew an array by doubling and left 4 MB of copies behind.
   */
  private TimerHandle[][] newBlocks = new TimerHandle[1][];
  private int newSize;
  private final int newShift;
  private final int newMask;
  /** The most recently opened bucket while it is still queued, and its last timer. */
  private TimerHandle newestHead;
  private TimerHandle newestTail;

  TimerQueue() {
    this(10);
  }

  /** Blocks of {@code 2^newShift} new buckets (small ones let tests cross many blocks). */
  TimerQueue(int newShift) {
    this.newShift = newShift;
    this.newMask = (1 << newShift) - 1;
  }

  boolean isEmpty() {
    return size == 0 && runPos == runHeads.length && newSize == 0;
  }

  void add(TimerHandle h) {
    if (newestHead != null && newestHead.when == h.when) {
      newestTail.next = h;
      newestTail = h;
      return;
    }
    int b = newSize >>> newShift;
    if (b == newBlocks.length) {
      newBlocks = Arrays.copyOf(newBlocks, b * 2);
    }
    TimerHandle[] block = newBlocks[b];
    if (block == null) {
      block = newBlocks[b] = new TimerHandle[newMask + 1];
    }
    block[newSize++ & newMask] = h;
    newestHead = h;
    newestTail = h;
  }

  /**
   * Drops cancelled timers from the front, as {@code _run_once} pops them off the heap; returns
   * the first live timer's due time (meaningless when {@link #isEmpty} after the call).
   */
  long firstWhen() {
    order();
    while (size > 0 || runPos < runHeads.length) {
      boolean fromRun = runFirst();
      TimerHandle h = fromRun ? runHeads[runPos] : heads[0];
      while (h != null && h.cancelled) {
        h = unlinkHead(h);
      }
      if (h != null) {
        // The bucket's key stays (when, seq of its first live timer): see the class comment.
        if (fromRun) {
          runHeads[runPos] = h;
          return h.when;
        }
        heads[0] = h;
        return whens[0];
      }
      if (fromRun) {
        popRun();
      } else {
        removeTop();
      }
    }
    return Long.MAX_VALUE;
  }

  /** Moves every timer due before {@code endTime} to {@code ready}, in (when, seq) order. */
  void moveDue(long endTime, ReadyQueue ready) {
    moveDue(endTime, ready, null, null);
  }

  /**
   * As {@link #moveDue(long, ReadyQueue)}, but when {@code order} is not null each tie (two or
   * more live timers due at one instant) goes through it first, gathered in {@code scratch}.
   */
  void moveDue(long endTime, ReadyQueue ready, TieOrder order, List<TimerHandle> scratch) {
    order();
    while (size > 0 || runPos < runHeads.length) {
      boolean fromRun = runFirst();
      long when = fromRun ? runHeads[runPos].when : whens[0];
      if (when >= endTime) {
        break;
      }
      if (order != null && !scratch.isEmpty() && scratch.get(0).when != when) {
        flush(scratch, ready, order);
      }
      TimerHandle h;
      if (fromRun) {
        h = runHeads[runPos];
        popRun();
      } else {
        h = heads[0];
        removeTop();
      }
      while (h != null) {
        if (!h.cancelled) {
          if (order == null) {
            ready.add(h);
          } else {
            scratch.add(h);
          }
        }
        h = unlinkHead(h);
      }
    }
    if (order != null) {
      flush(scratch, ready, order);
    }
  }

  private static void flush(List<TimerHandle> timers, ReadyQueue ready, TieOrder order) {
    if (timers.size() > 1) {
      order.order(timers.get(0).when, timers);
    }
    ready.addAll(timers);
    timers.clear();
  }

  private TimerHandle unlinkHead(TimerHandle h) {
    TimerHandle next = h.next;
    h.next = null;
    if (h == newestTail) {
      newestHead = null;
      newestTail = null;
    } else if (h == newestHead) {
      newestHead = next;
    }
    return next;
  }

  /** Whether the run's next bucket comes before the heap's top (false when the run is done). */
  private boolean runFirst() {
    if (runPos == runHeads.length) return false;
    TimerHandle h = runHeads[runPos];
    return size == 0 || before(h.when, h, whens[0], heads[0]);
  }

  private void popRun() {
    popped(runHeads[runPos]);
    runHeads[runPos++] = null;
    if (runPos == runHeads.length) { // let a million-entry run go
      runHeads = new TimerHandle[0];
      runPos = 0;
    }
  }

  private void removeTop() {
    popped(heads[0]);
    int last = --size;
    long w = whens[last];
    TimerHandle h = heads[last];
    heads[last] = null;
    if (last > 0) {
      siftDown(0, w, h);
    }
  }

  /** A bucket whose head {@code head} leaves the queue is no longer one a new timer can join. */
  private void popped(TimerHandle head) {
    if (head == newestHead) {
      newestHead = null;
      newestTail = null;
    }
  }

  /** Puts the buckets opened since the last look in order: into the heap, or a batch into the run. */
  private void order() {
    int n = newSize;
    if (n == 0) {
      return;
    }
    if (n < BATCH || (long) n * 8 < (long) (runHeads.length - runPos) + size || !sortIntoRun(n)) {
      for (int i = 0; i < n; i++) {
        if (size == whens.length) {
          whens = Arrays.copyOf(whens, size * 2);
          heads = Arrays.copyOf(heads, size * 2);
        }
        TimerHandle h = newHead(i);
        siftUp(size++, h.when, h);
      }
    }
    TimerHandle[] first = newBlocks[0];
    Arrays.fill(first, 0, Math.min(n, first.length), null);
    if (newBlocks.length > 1) { // let a million-entry batch go
      newBlocks = new TimerHandle[1][];
      newBlocks[0] = first;
    }
    newSize = 0;
  }

  private TimerHandle newHead(int i) {
    return newBlocks[i >>> newShift][i & newMask];
  }

  /**
   * Sorts the {@code n} new buckets by {@code (when, seq)} and merges them into the run; false
   * (nothing done) when their instants span too much to pack each with its index into a long.
   * Packed, an instant's buckets sort by the order they were opened, which is their seq order.
   */
  private boolean sortIntoRun(int n) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long when = newHead(i).when;
      min = Math.min(min, when);
      max = Math.max(max, when);
    }
    int indexBits = 32 - Integer.numberOfLeadingZeros(n - 1);
    long span = max - min;
    if (span < 0 || span >>> (63 - indexBits) != 0) {
      return false;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (newHead(i).when - min) << indexBits | i;
    }
    Arrays.sort(keys);
    TimerHandle[] h = new TimerHandle[n];
    long mask = (1L << indexBits) - 1;
    for (int k = 0; k < n; k++) {
      h[k] = newHead((int) (keys[k] & mask));
    }
    if (runPos < runHeads.length) {
      merge(h);
    } else {
      runHeads = h;
    }
    runPos = 0;
    return true;
  }

  /** The run's remaining buckets and the sorted {@code h}, merged into a new run. */
  private void merge(TimerHandle[] h) {
    int runEnd = runHeads.length;
    int n = h.length;
    TimerHandle[] mh = new TimerHandle[runEnd - runPos + n];
    int i = runPos;
    int j = 0;
    int k = 0;
    while (i < runEnd && j < n) {
      mh[k++] = before(h[j], runHeads[i]) ? h[j++] : runHeads[i++];
    }
    while (i < runEnd) {
      mh[k++] = runHeads[i++];
    }
    while (j < n) {
      mh[k++] = h[j++];
    }
    runHeads = mh;
  }

  private static boolean before(TimerHandle h1, TimerHandle h2) {
    return before(h1.when, h1, h2.when, h2);
  }

  private static boolean before(long w1, TimerHandle h1, long w2, TimerHandle h2) {
    return w1 < w2 || (w1 == w2 && h1.setBefore(h2));
  }

  private void siftUp(int i, long w, TimerHandle h) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(w, h, whens[parent], heads[parent])) {
        break;
      }
      whens[i] = whens[parent];
      heads[i] = heads[parent];
      i = parent;
    }
    whens[i] = w;
    heads[i] = h;
  }

  private void siftDown(int i, long w, TimerHandle h) {
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(whens[right], heads[right], whens[child], heads[child])) {
        child = right;
      }
      if (!before(whens[child], heads[child], w, h)) {
        break;
      }
      whens[i] = whens[child];
      heads[i] = heads[child];
      i = child;
    }
    whens[i] = w;
    heads[i] = h;
  }
}
