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
  /** In {@code kinds[i]} beside the kind: the detail is a Long that fits an int, kept in {@code data[i]}. */
  private static final int INT_DETAIL = 0x80;
  /** In {@code kinds[i]} beside the kind: the detail is {@code objects[data[i]]}; with neither flag it is null. */
  private static final int OBJECT_DETAIL = 0x40;
  private static final int KIND = 0x3F;

  private final TaskNames taskNames;
  private final boolean recording;
  /**
   * Each event's time in ns, as its low 32 bits here and its high ones by runs: {@code highs[r]}
   * from event {@code runStarts[r]} on. The high half changes every 4.3 s of the clock, so runs
   * are few, and a million-task report keeps 4 bytes a time instead of 8 (8 MB).
   */
  private int[] lows;
  private int[] runStarts = new int[4];
  private int[] highs = new int[4];
  private int runs;
  private int[] tasks;
  private byte[] kinds;
  /**
   * Each event's detail: a Long that fits an int (a result such as {@code '{i}'}) kept as its
   * value, or else the index of the object in {@link #objects}. A report writes a million tasks'
   * end events in the order they finished, and reading each box, made in the order the tasks were
   * read, missed the cache (40 % of writing those events). One int array, not an object array
   * beside it: most events have no detail or an int one (8 MB less at a million tasks).
   */
  private int[] data;
  private Object[] objects = new Object[8];
  private int objectCount;
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
    lows = new int[capacity];
    tasks = new int[capacity];
    kinds = new byte[capacity];
    data = new int[capacity];
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
    if (size == lows.length) {
      int n = size * 2;
      lows = Arrays.copyOf(lows, n);
      tasks = Arrays.copyOf(tasks, n);
      kinds = Arrays.copyOf(kinds, n);
      data = Arrays.copyOf(data, n);
    }
    int high = (int) (tNs >>> 32);
    if (runs == 0 || highs[runs - 1] != high) {
      if (runs == highs.length) {
        runStarts = Arrays.copyOf(runStarts, runs * 2);
        highs = Arrays.copyOf(highs, runs * 2);
      }
      runStarts[runs] = size;
      highs[runs++] = high;
    }
    lows[size] = (int) tNs;
    tasks[size] = task;
    if (detail instanceof Long l && l == (int) (long) l) {
      data[size] = (int) (long) l;
      kinds[size] = (byte) (kind.ordinal() | INT_DETAIL);
    } else if (detail != null) {
      if (objectCount == objects.length) objects = Arrays.copyOf(objects, objectCount * 2);
      objects[objectCount] = detail;
      data[size] = objectCount++;
      kinds[size] = (byte) (kind.ordinal() | OBJECT_DETAIL);
    } else {
      kinds[size] = (byte) kind.ordinal();
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
    int run = Arrays.binarySearch(runStarts, 0, runs, i); // the last run that starts at or before i
    if (run < 0) run = -run - 2; // starts are distinct, the first 0
    return (long) highs[run] << 32 | (lows[i] & 0xFFFF_FFFFL);
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
    return KINDS[kinds[i] & KIND];
  }

  public Object detail(int i) {
    checkIndex(i);
    int k = kinds[i];
    return (k & INT_DETAIL) != 0 ? Long.valueOf(data[i]) : (k & OBJECT_DETAIL) != 0 ? objects[data[i]] : null;
  }

  /** Whether {@link #detail} is a Long that {@link #intDetail} gives without its box (the writer's way). */
  public boolean hasIntDetail(int i) {
    checkIndex(i);
    return (kinds[i] & INT_DETAIL) != 0;
  }

  /** The value of a detail that {@link #hasIntDetail}. */
  public int intDetail(int i) {
    checkIndex(i);
    return data[i];
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
