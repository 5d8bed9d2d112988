package io.aiosim.report;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A report's list of integers that all fit an int, kept as ints: the values of a gather of a
 * million tasks, whose boxes were made as the tasks ended and so lie scattered over the heap. The
 * report writes the list twice (the outcome and main's {@code returned} event), and reading each
 * box cost a cache miss each time. Its elements read as the Longs they were.
 */
public final class IntList extends AbstractList<Object> implements RandomAccess {
  /** Shorter lists stay as they are: they cost no time, and keep their own type. */
  static final int LEAST = 16;

  private final int[] values;

  private IntList(int[] values) {
    this.values = values;
  }

  /** {@code list} as an IntList when it has LEAST or more elements and all are Longs that fit an int; else null. */
  public static IntList of(List<?> list) {
    int n = list.size();
    if (n < LEAST) return null;
    int[] values = new int[n];
    for (int k = 0; k < n; k++) {
      if (!(list.get(k) instanceof Long l) || l != (int) (long) l) return null;
      values[k] = (int) (long) l;
    }
    return new IntList(values);
  }

  @Override
  public Object get(int k) {
    return (long) values[k];
  }

  /** Element {@code k} without its box. */
  public int intAt(int k) {
    return values[k];
  }

  @Override
  public int size() {
    return values.length;
  }
}
