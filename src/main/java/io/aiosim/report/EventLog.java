package io.aiosim.report;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * The timeline, kept compact (SPEC section 6 allows that, since {@code tasks} is written first):
 * parallel primitive arrays instead of one object per event, so a million-task run stays small.
 * Tasks are referred to by creation index; {@link #MAIN} is main.
 */
public final class EventLog implements Iterable<Event> {
  public static final int MAIN = -1;
  private static final Event.Kind[] KINDS = Event.Kind.values();

  private final IntFunction<String> taskNames;
  private long[] times = new long[64];
  private int[] tasks = new int[64];
  private byte[] kinds = new byte[64];
  private Object[] details = new Object[64];
  private int size;

  /** {@code taskNames} maps a creation index to the task's name. */
  public EventLog(IntFunction<String> taskNames) {
    this.taskNames = taskNames;
  }

  public void add(long tNs, int task, Event.Kind kind, Object detail) {
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      tasks = Arrays.copyOf(tasks, n);
      kinds = Arrays.copyOf(kinds, n);
      details = Arrays.copyOf(details, n);
    }
    times[size] = tNs;
    tasks[size] = task;
    kinds[size] = (byte) kind.ordinal();
    details[size] = detail;
    size++;
  }

  public int size() {
    return size;
  }

  public Event get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    int task = tasks[i];
    return new Event(
        times[i], task == MAIN ? "main" : taskNames.apply(task), KINDS[kinds[i]], details[i]);
  }

  @Override
  public Iterator<Event> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public Event next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        return get(next++);
      }
    };
  }
}
