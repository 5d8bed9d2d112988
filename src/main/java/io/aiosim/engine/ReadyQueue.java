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
 *
 * <p>Like the deque, the queue is a chain of fixed-size blocks (CPython's hold 64 items). A ring
 * that doubles left every smaller copy behind: a million-task gather queues two million slots,
 * and with them 8 MB of dead copies that stayed resident once promoted.
 */
final class ReadyQueue {
  /** Slots in a block: pairs of (callback, argument), and last the link to the next block. */
  private static final int BLOCK = 1024;

  private final int block;
  /** The first pair is at {@code headBlock[headPos]}; the next one goes at {@code tailBlock[tailPos]}. */
  private Object[] headBlock;
  private Object[] tailBlock;
  private int headPos, tailPos;
  private int size;
  /** The last block the head left, for the tail's next one: a steady small queue allocates nothing. */
  private Object[] spare;

  ReadyQueue() {
    this(BLOCK);
  }

  /** {@code block} slots a block, an even number (small ones let tests cross many blocks). */
  ReadyQueue(int block) {
    this.block = block;
    headBlock = tailBlock = new Object[block + 1];
  }

  /** {@code len(self._ready)}. */
  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
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
    List<Object> out = new ArrayList<>(size);
    Object[] b = headBlock;
    int at = headPos;
    for (int n = size; n > 0; n--) {
      if (at == block) {
        b = (Object[]) b[block];
        at = 0;
      }
      out.add(b[at]);
      at += 2;
    }
    return out;
  }

  private void add(Object callback, Object arg) {
    Object[] b = tailBlock;
    int at = tailPos;
    if (at == block) {
      Object[] next = spare != null ? spare : new Object[block + 1];
      spare = null;
      b[block] = next;
      tailBlock = b = next;
      at = 0;
    }
    b[at] = callback;
    b[at + 1] = arg;
    tailPos = at + 2;
    size++;
  }

  /**
   * Takes the first pair off the queue and runs it as {@code Handle._run} would: a cancelled
   * Handle is skipped ({@code _run_once}: {@code if handle._cancelled: continue}).
   */
  void runFirst() {
    Object[] b = headBlock;
    int at = headPos;
    if (at == block) { // the tail has moved on, since the queue is not empty
      Object[] next = (Object[]) b[block];
      b[block] = null;
      spare = b;
      headBlock = b = next;
      at = 0;
    }
    Object callback = b[at];
    Object arg = b[at + 1];
    b[at] = null;
    b[at + 1] = null;
    if (--size == 0) { // empty: head and tail meet in this block, which starts over
      headPos = tailPos = 0;
    } else {
      headPos = at + 2;
    }
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
