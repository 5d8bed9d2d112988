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
   * {@code result: '{i}'}: copy i's result is the integer i, boxed when the copy ends. The
   * recorder keeps it as an int from then on, so the report reads no box; a box per copy kept
   * from the reading was 20 MB alive while a million tasks sleep, and a cache miss as each ended.
   */
  private final boolean index;

  /** The part the copies share (TaskSpec.Common) that was made last: the next copy's, most often. */
  private TaskSpec.Common common;

  private ShorthandCopies(Step end, String text) {
    this.end = end;
    this.text = text;
    this.index = "{i}".equals(text);
  }

  /** The shape of the copies of a task whose first copy ends with {@code end}. */
  static ShorthandCopies of(Step end, YamlNode result) {
    if (result instanceof YamlNode.Scalar s && s.value() instanceof String str && str.contains("{i}")) {
      return new ShorthandCopies(null, str);
    }
    return new ShorthandCopies(end, null);
  }

  /** Whether copy {@code index}, read as {@code s}, is what this shape makes from its delay. */
  boolean makes(TaskBody.Steps s, int index) {
    List<Step> steps = s.steps();
    if (!s.shorthand() || steps.size() != 2 || !(steps.get(0) instanceof Step.Sleep)) return false;
    return end(index).equals(steps.get(1));
  }

  /** What copies named from {@code template}, with {@code onCancel}, share: one for all of them. */
  TaskSpec.Common common(String template, OnCancel onCancel) {
    TaskSpec.Common c = common;
    if (c == null || c.onCancel() != onCancel || !c.name().equals(template)) {
      common = c = new TaskSpec.Common(template, this, onCancel);
    }
    return c;
  }

  TaskBody.Steps body(long ns, int index) {
    return new TaskBody.Steps(List.of(new Step.Sleep(ns), end(index)), true);
  }

  Step end(int index) {
    if (end != null) return end;
    return new Step.Return(this.index ? (Object) (long) index : TaskSpec.format(text, index));
  }
}
