package io.aiosim.dsl;

import io.aiosim.dsl.YamlNode.Mapping;
import io.aiosim.dsl.YamlNode.Scalar;
import io.aiosim.dsl.YamlNode.Seq;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A strategy's tasks as the reader expands them, in an array sized in advance and handed to
 * List.of, whose list the records' List.copyOf keeps as it is. From an ArrayList, List.copyOf made
 * two copies of a million-task list: 8 MB left behind, instead of this array's 4.
 */
final class TaskList implements Consumer<TaskSpec> {
  private TaskSpec[] items;
  private int size;

  private TaskList(int expected) {
    items = new TaskSpec[expected];
  }

  /**
   * A list with room for the tasks {@code seq} makes, its counts taken as written: it then never
   * grows, which left copies of a million-task list behind (8 MB, alive at a collection and
   * resident after). Only a first size: a count the reader refuses fails the workflow anyway, and
   * the footprint check (Footprint) has bounded every count before.
   */
  static TaskList sizedFor(Seq seq) {
    long n = 0;
    for (YamlNode item : seq.items()) {
      n += item instanceof Mapping m && m.get("count") instanceof Scalar c && c.value() instanceof Long k && k > 0 ? k : 1;
    }
    return new TaskList((int) Math.min(n, 1 << 24));
  }

  @Override
  public void accept(TaskSpec t) {
    if (size == items.length) items = Arrays.copyOf(items, Math.max(8, size * 2));
    items[size++] = t;
  }

  List<TaskSpec> toList() {
    return List.of(size == items.length ? items : Arrays.copyOf(items, size));
  }
}
