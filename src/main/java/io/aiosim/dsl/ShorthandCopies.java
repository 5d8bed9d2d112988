package io.aiosim.dsl;

import java.util.List;

/**
 * The shorthand body ({@code delay} then {@code result} or {@code fail}, SPEC 1.1) that the copies
 * of a counted task share, each copy keeping only its drawn delay and its index (TaskSpec). A
 * million copies kept as read would keep a body, a step list, two steps and a boxed result each,
 * 80 bytes, all alive while the tasks sleep.
 *
 * <p>The reader keeps a copy in this form only when it makes the very body the copy was read as
 * (TaskReader.smallest), so what a run sees never depends on the form.
 */
final class ShorthandCopies {
  /** Every copy's last step, or null when it is made from {@link #text}. */
  private final Step end;
  /** The result's text with {@code {i}} in it, as ReadContext.value reads it for copy i. */
  private final String text;

  private ShorthandCopies(Step end, String text) {
    this.end = end;
    this.text = text;
  }

  /** The shape of the copies of a task whose first copy ends with {@code end}. */
  static ShorthandCopies of(Step end, YamlNode result) {
    if (result instanceof YamlNode.Scalar s && s.value() instanceof String str && str.contains("{i}")) {
      return new ShorthandCopies(null, str);
    }
    return new ShorthandCopies(end, null);
  }

  TaskBody.Steps body(long ns, int index) {
    return new TaskBody.Steps(List.of(new Step.Sleep(ns), end(index)), true);
  }

  Step end(int index) {
    if (end != null) return end;
    return new Step.Return(text.equals("{i}") ? (Object) (long) index : TaskSpec.format(text, index));
  }
}
