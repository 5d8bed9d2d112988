package io.aiosim.dsl;

import java.util.List;

/**
 * The shorthand body ({@code delay} then {@code result} or {@code fail}, SPEC 1.1) that the copies
 * of a counted task share, each copy keeping only its drawn delay and its index (TaskSpec). A
 * million copies kept as read would keep a body, a step list, two steps and a boxed result each,
 * 80 bytes, all alive while the tasks sleep.
 *
 * <p>The reader keeps a copy in this form only when it makes the very body the copy was read as
 * ({@link #makes}), so what a run sees never depends on the form.
 */
final class ShorthandCopies {
  /** Every copy's last step, or null when it is made from {@link #text}. */
  private final Step end;
  /** The result's text with {@code {i}} in it, as ReadContext.value reads it for copy i. */
  private final String text;
  /**
   * For {@code result: '{i}'}, copy i's result: the reader's own box, kept in copy order. The
   * report reads the results in that order, and boxes made as the tasks finish (a random order)
   * cost it a cache miss each: 0.15-0.2 s at a million.
   */
  private final Long[] values;

  private ShorthandCopies(Step end, String text, Long[] values) {
    this.end = end;
    this.text = text;
    this.values = values;
  }

  /** The shape of the {@code n} copies of a task whose first copy ends with {@code end}. */
  static ShorthandCopies of(Step end, YamlNode result, int n) {
    if (result instanceof YamlNode.Scalar s && s.value() instanceof String str && str.contains("{i}")) {
      return new ShorthandCopies(null, str, str.equals("{i}") ? new Long[n] : null);
    }
    return new ShorthandCopies(end, null, null);
  }

  /** Whether copy {@code index}, read as {@code s}, is what this shape makes from its delay. */
  boolean makes(TaskBody.Steps s, int index) {
    List<Step> steps = s.steps();
    if (!s.shorthand() || steps.size() != 2 || !(steps.get(0) instanceof Step.Sleep)) return false;
    if (values == null) return end(index).equals(steps.get(1));
    if (index < values.length && steps.get(1) instanceof Step.Return r && r.value() instanceof Long l && l == index) {
      values[index] = l;
      return true;
    }
    return false;
  }

  /** Copy {@code index}, not read as a body ({@code TaskReader.quick}): its result boxed as the reader would. */
  void read(int index) {
    if (values != null) values[index] = (long) index;
  }

  TaskBody.Steps body(long ns, int index) {
    return new TaskBody.Steps(List.of(new Step.Sleep(ns), end(index)), true);
  }

  Step end(int index) {
    if (end != null) return end;
    return new Step.Return(values != null ? values[index] : TaskSpec.format(text, index));
  }
}
