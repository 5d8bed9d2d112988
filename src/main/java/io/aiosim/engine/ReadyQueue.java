package io.aiosim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors BaseEventLoop's {@code _ready} (asyncio/base_events.py: a {@code collections.deque} of
 * {@code Handle}s, appended by {@code call_soon}, run in batches by {@code _run_once}).
 *
 * <p>CPython wraps every {@code call_soon(callback, *args)} in a Handle. Two kinds of them are
 * never handed to anyone, so none is ever cancelled: a task's {@code __step} ({@code
 * Task.__init__}, a bare {@code yield}) and a future's done callbacks ({@code
 * Future.__schedule_callbacks}, which discards what {@code call_soon} returns). Here those take
 * two slots of the queue, the callback and its argument, instead of an object each: a
 * million-task gather made three million of them (72 MB). A {@link Handle} takes two slots too,
 * its argument slot empty. FIFO either way, so the order is asyncio's.
 */
final class ReadyQueue {
  /** Pairs (callback, argument) in a ring; the length is a power of two. */
  private Object[] slots = new Object[32];
  /** The first pair's first slot, and one past the last pair's second slot (mod length). */
  private int head, tail;

  /** {@code len(self._ready)}. */
  int size() {
    return ((tail - head) & (slots.length - 1)) >> 1;
  }

  boolean isEmpty() {
    return head == tail;
  }

  /** {@code call_soon(handle)}: a Handle, which its owner may cancel before it runs. */
  void add(Handle handle) {
    add(handle, null);
  }

  /** {@code call_soon(self.__step)}: the task steps on (none of asyncio's steps takes an exception there). */
  void addStep(Task task) {
    add(task, null);
  }

  /** {@code call_soon(callback, future)}: a done callback of {@code future}. */
  void addDoneCallback(DoneCallback fn, Future future) {
    add(fn, future);
  }

  void addAll(List<? extends Handle> handles) {
    for (Handle h : handles) {
      add(h, null);
    }
  }

  /** The callbacks waiting, first to last (tests read the order). */
  List<Object> callbacks() {
    List<Object> out = new ArrayList<>(size());
    for (int i = head; i != tail; i = (i + 2) & (slots.length - 1)) {
      out.add(slots[i]);
    }
    return out;
  }

  private void add(Object callback, Object arg) {
    slots[tail] = callback;
    slots[tail + 1] = arg;
    tail = (tail + 2) & (slots.length - 1);
    if (tail == head) {
      grow();
    }
  }

  private void grow() {
    Object[] old = slots;
    Object[] bigger = new Object[old.length * 2];
    int firstPart = old.length - head; // head .. end, then 0 .. tail (== head)
    System.arraycopy(old, head, bigger, 0, firstPart);
    System.arraycopy(old, 0, bigger, firstPart, head);
    slots = bigger;
    head = 0;
    tail = old.length;
  }

  /**
   * Takes the first pair off the queue and runs it as {@code Handle._run} would: a cancelled
   * Handle is skipped ({@code _run_once}: {@code if handle._cancelled: continue}).
   */
  void runFirst() {
    Object callback = slots[head];
    Object arg = slots[head + 1];
    slots[head] = null;
    slots[head + 1] = null;
    head = (head + 2) & (slots.length - 1);
    if (callback instanceof Handle h) {
      if (!h.cancelled) {
        h.run();
      }
    } else if (arg != null) {
      ((DoneCallback) callback).onDone((Future) arg);
    } else {
      ((Task) callback).step(null);
    }
  }
}
