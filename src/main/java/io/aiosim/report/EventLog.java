package io.aiosim.report;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The timeline, kept compact (SPEC section 6 allows that, since {@code tasks} is written first):
 * parallel primitive arrays instead of one object per event, so a million-task run stays small.
 * Tasks are referred to by creation index; {@link #MAIN} is main. A log made with {@link
 * #leftOut} records nothing (the {@code --no-events} report of a huge run).
 */
public final class EventLog implements Iterable<Event> {
  public static final int MAIN = -1;
  private static final Event.Kind[] KINDS = Event.Kind.values();
  /** In {@code kinds[i]} beside the kind: the detail is a Long that fits an int, kept in {@code ints[i]}. */
  private static final int INT_DETAIL = 0x80;

  private final TaskNames taskNames;
  private final boolean recording;
  private long[] times;
  private int[] tasks;
  private byte[] kinds;
  private Object[] details;
  /**
   * The details that are Longs fitting an int (a result such as {@code '{i}'}), kept as values: a
   * report writes a million tasks' end events in the order they finished, and reading each box,
   * made in the order the tasks were read, missed the cache (40 % of writing those events).
   * Null until the first such detail.
   */
  private int[] ints;
  private int size;

  /**
   * The names of a log's tasks, by creation index. A name may be made when asked for (a counted
   * task's copy: dsl.TaskSpec), so the writer has it appended to a buffer it reuses instead of
   * making a string for each of a million-task report's events.
   */
  public interface TaskNames {
    String name(int task);

    default void appendName(int task, StringBuilder out) {
      out.append(name(task));
    }
  }

  /** {@code taskNames} maps a creation index to the task's name. */
  public EventLog(TaskNames taskNames) {
    this(taskNames, 64);
  }

  /** As above, with room for {@code capacity} events before the arrays grow. */
  public EventLog(TaskNames taskNames, int capacity) {
    this(taskNames, true, Math.max(capacity, 8)); // growth doubles: never from 0
  }

  private EventLog(TaskNames taskNames, boolean recording, int capacity) {
    this.taskNames = taskNames;
    this.recording = recording;
    times = new long[capacity];
    tasks = new int[capacity];
    kinds = new byte[capacity];
    details = new Object[capacity];
  }

  /** A log that drops every event: the report then says {@code "events": []}. */
  public static EventLog leftOut(TaskNames taskNames) {
    return new EventLog(taskNames, false, 0);
  }

  /** False for a {@link #leftOut} log. */
  public boolean recording() {
    return recording;
  }

  public void add(long tNs, int task, Event.Kind kind, Object detail) {
    if (!recording) {
      return;
    }
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      tasks = Arrays.copyOf(tasks, n);
      kinds = Arrays.copyOf(kinds, n);
      details = Arrays.copyOf(details, n);
      if (ints != null) ints = Arrays.copyOf(ints, n);
    }
    times[size] = tNs;
    tasks[size] = task;
    if (detail instanceof Long l && l == (int) (long) l) {
      if (ints == null) ints = new int[times.length];
      ints[size] = (int) (long) l;
      kinds[size] = (byte) (kind.ordinal() | INT_DETAIL);
    } else {
      kinds[size] = (byte) kind.ordinal();
      details[size] = detail;
    }
    size++;
  }

  public int size() {
    return size;
  }

  public Event get(int i) {
    return new Event(timeNs(i), taskName(i), kind(i), detail(i));
  }

  /** Event {@code i}'s time, read without making an {@link Event} (as the writer does). */
  public long timeNs(int i) {
    checkIndex(i);
    return times[i];
  }

  public String taskName(int i) {
    checkIndex(i);
    int task = tasks[i];
    return task == MAIN ? "main" : taskNames.name(task);
  }

  /** {@link #taskName}, appended to {@code out}. */
  public void appendTaskName(int i, StringBuilder out) {
    checkIndex(i);
    int task = tasks[i];
    if (task == MAIN) {
      out.append("main");
    } else {
      taskNames.appendName(task, out);
    }
  }

  public Event.Kind kind(int i) {
    checkIndex(i);
    return KINDS[kinds[i] & 0x7F];
  }

  public Object detail(int i) {
    checkIndex(i);
    return (kinds[i] & INT_DETAIL) != 0 ? Long.valueOf(ints[i]) : details[i];
  }

  /** Whether {@link #detail} is a Long that {@link #intDetail} gives without its box (the writer's way). */
  public boolean hasIntDetail(int i) {
    checkIndex(i);
    return (kinds[i] & INT_DETAIL) != 0;
  }

  /** The value of a detail that {@link #hasIntDetail}. */
  public int intDetail(int i) {
    checkIndex(i);
    return ints[i];
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
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
