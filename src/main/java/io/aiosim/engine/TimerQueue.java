package io.aiosim.engine;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * The loop's {@code _scheduled} heap, ordered by {@code (when, seq)} as SPEC 5 requires, built for
 * a million timers: the heap holds one entry per bucket, a bucket being a chain of timers due at
 * one instant in the order they were set, and the sift loops compare {@code long}s in an array
 * instead of chasing each timer object.
 *
 * <p>A new timer joins the newest bucket when it is due at that bucket's instant (N tasks that
 * sleep the same delay in one batch make one heap entry), otherwise it opens a bucket of its own.
 * That keeps the exact order: every timer of a bucket was set before every timer of any bucket
 * opened later, so buckets due at one instant are ordered by the seq of their first timer.
 * Cancelled timers are dropped lazily, as asyncio does.
 */
final class TimerQueue {
  private long[] whens = new long[64];
  private TimerHandle[] heads = new TimerHandle[64];
  private int size;
  /** The most recently opened bucket while it is still queued, and its last timer. */
  private TimerHandle newestHead;
  private TimerHandle newestTail;

  boolean isEmpty() {
    return size == 0;
  }

  void add(TimerHandle h) {
    if (newestHead != null && newestHead.when == h.when) {
      newestTail.next = h;
      newestTail = h;
      return;
    }
    if (size == whens.length) {
      whens = Arrays.copyOf(whens, size * 2);
      heads = Arrays.copyOf(heads, size * 2);
    }
    newestHead = h;
    newestTail = h;
    siftUp(size++, h.when, h);
  }

  /**
   * Drops cancelled timers from the front, as {@code _run_once} pops them off the heap; returns
   * the first live timer's due time (meaningless when {@link #isEmpty} after the call).
   */
  long firstWhen() {
    while (size > 0) {
      TimerHandle h = heads[0];
      while (h != null && h.cancelled) {
        h = unlinkHead(h);
      }
      if (h != null) {
        heads[0] = h; // the bucket's key stays (when, seq of its first live timer)
        return whens[0];
      }
      removeTop();
    }
    return Long.MAX_VALUE;
  }

  /** Moves every timer due before {@code endTime} to {@code ready}, in (when, seq) order. */
  void moveDue(long endTime, ArrayDeque<Handle> ready) {
    moveDue(endTime, ready, null, null);
  }

  /**
   * As {@link #moveDue(long, ArrayDeque)}, but when {@code order} is not null each tie (two or
   * more live timers due at one instant) goes through it first, gathered in {@code scratch}.
   */
  void moveDue(long endTime, ArrayDeque<Handle> ready, TieOrder order, List<TimerHandle> scratch) {
    while (size > 0 && whens[0] < endTime) {
      if (order != null && !scratch.isEmpty() && scratch.get(0).when != whens[0]) {
        flush(scratch, ready, order);
      }
      TimerHandle h = heads[0];
      removeTop();
      while (h != null) {
        if (!h.cancelled) {
          if (order == null) {
            ready.addLast(h);
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

  private static void flush(List<TimerHandle> timers, ArrayDeque<Handle> ready, TieOrder order) {
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

  private void removeTop() {
    if (heads[0] == newestHead) {
      newestHead = null;
      newestTail = null;
    }
    int last = --size;
    long w = whens[last];
    TimerHandle h = heads[last];
    heads[last] = null;
    if (last > 0) {
      siftDown(0, w, h);
    }
  }

  private static boolean before(long w1, TimerHandle h1, long w2, TimerHandle h2) {
    return w1 < w2 || (w1 == w2 && h1.seq < h2.seq);
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
