package io.aiosim.dsl;

import java.util.Objects;

/**
 * One task: a name, a body, and optional cancellation cleanup ({@code on_cancel}, or null).
 *
 * <p>A name with {@code {i}} in a counted task is kept as its template and the copy's index, and
 * made when it is asked for: a million copies would otherwise keep a million strings (48 bytes
 * each, a third of a million-task report's writing spent fetching them). A spec's string form is
 * its name, so that asyncio's Task can take the spec itself as its name ({@code str(name)},
 * which the engine defers to {@code get_name()}).
 */
public final class TaskSpec implements StepSequence {
  /**
   * What a task's copies share: the name or its template ({@code {i}} in it), the body (a {@link
   * TaskBody}, or the {@link ShorthandCopies} that make it from a copy's delay and index) and
   * on_cancel. Copies that came out the same share one, so that a copy keeps only its index and
   * delay: 24 bytes, where the three fields of its own made it 32.
   */
  record Common(String name, Object body, OnCancel onCancel) {
    Common {
      Objects.requireNonNull(name);
      Objects.requireNonNull(body);
    }

    /** This, when it has {@code body} and {@code onCancel} already (the same objects). */
    Common with(Object body, OnCancel onCancel) {
      return body == this.body && onCancel == this.onCancel ? this : new Common(name, body, onCancel);
    }
  }

  private final Common common;
  /** The index that replaces {@code {i}} in the name, or -1 when the name has none replaced. */
  private final int index;
  /** A {@link ShorthandCopies} copy's drawn delay; 0 otherwise. */
  private final long ns;

  public TaskSpec(String name, TaskBody body, OnCancel onCancel) {
    this(new Common(name, body, onCancel), -1, 0);
  }

  private TaskSpec(Common common, int index, long ns) {
    this.common = common;
    this.index = index;
    this.ns = ns;
  }

  /** The task whose name is {@code template} with each {@code {i}} replaced by {@code index} (SPEC 4). */
  static TaskSpec named(String template, int index, TaskBody body, OnCancel onCancel) {
    return new TaskSpec(new Common(template, body, onCancel), index, 0);
  }

  /**
   * This task's name with {@code previous}'s body and {@code onCancel} (copies that came out the
   * same share them, and what they share when {@code previous} has the same template too).
   */
  TaskSpec withBodyOf(TaskSpec previous, OnCancel onCancel) {
    Common shared = previous.common.name.equals(common.name) ? previous.common : common;
    return new TaskSpec(shared.with(previous.common.body, onCancel), index, 0);
  }

  /** This task with {@code onCancel} instead of its own. */
  TaskSpec with(OnCancel onCancel) {
    return new TaskSpec(common.with(common.body, onCancel), index, 0);
  }

  /** Copy {@code index} of the copies that share {@code common}, made by its shape from {@code ns}. */
  static TaskSpec made(Common common, int index, long ns) {
    return new TaskSpec(common, index, ns);
  }

  /**
   * This task and {@code onCancel}, its body made by {@code shape} from the delay and the index;
   * null when that would not make {@code read}, the body it was read with.
   */
  TaskSpec madeBy(ShorthandCopies shape, TaskBody.Steps read, OnCancel onCancel) {
    if (index < 0 || !shape.makes(read, index)) return null;
    return new TaskSpec(shape.common(common.name, onCancel), index, ((Step.Sleep) read.steps().get(0)).ns());
  }

  public String name() {
    return format(common.name, index);
  }

  /**
   * {@code template} with each {@code {i}} replaced by {@code index}, or as it is when {@code
   * index} is negative (SPEC 4): every {@code {i}} the reader replaces, in names and elsewhere.
   */
  static String format(String template, int index) {
    if (index < 0 || !template.contains("{i}")) return template;
    StringBuilder out = new StringBuilder(template.length() + 8);
    appendName(template, index, out);
    return out.toString();
  }

  /** {@link #name()}, appended to {@code out} without a string of its own. */
  public void appendName(StringBuilder out) {
    appendName(common.name, index, out);
  }

  /** The name of the copy {@code offset} places after this one (SpecRows: see {@link #follows}). */
  public void appendName(int offset, StringBuilder out) {
    appendName(common.name, index + offset, out);
  }

  /**
   * Whether this is the copy right after {@code previous} of a counted task with {@code {i}} in its
   * name, so that its name is {@code previous}'s made with the next index.
   */
  public boolean follows(TaskSpec previous) {
    return previous.index >= 0 && index == previous.index + 1 && (common == previous.common || common.name.equals(previous.common.name));
  }

  /** {@link #format}, appended to {@code out}. */
  static void appendName(String template, int index, StringBuilder out) {
    int from = 0;
    if (index >= 0) {
      // As String.replace: left to right, occurrences that do not overlap.
      for (int at = template.indexOf("{i}"); at >= 0; at = template.indexOf("{i}", from)) {
        out.append(template, from, at).append(index);
        from = at + 3;
      }
    }
    out.append(template, from, template.length());
  }

  /** The body; a {@link ShorthandCopies} copy's is made anew on each call. */
  public TaskBody body() {
    return common.body instanceof ShorthandCopies shape ? shape.body(ns, index) : (TaskBody) common.body;
  }

  /** Whether the body is made by a {@link ShorthandCopies} on each call. */
  boolean made() {
    return common.body instanceof ShorthandCopies;
  }

  /** Whether the body is steps (not a group), which {@link #step} then reads. */
  public boolean hasSteps() {
    return !(common.body instanceof TaskBody.Group);
  }

  @Override
  public int stepCount() {
    return common.body instanceof ShorthandCopies ? 2 : ((TaskBody.Steps) common.body).steps().size();
  }

  /** Step {@code k} of the body, without making the whole body of a {@link ShorthandCopies} copy. */
  @Override
  public Step step(int k) {
    if (common.body instanceof ShorthandCopies shape) return k == 0 ? new Step.Sleep(ns) : shape.end(index);
    return ((TaskBody.Steps) common.body).steps().get(k);
  }

  public OnCancel onCancel() {
    return common.onCancel;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskSpec t && name().equals(t.name()) && body().equals(t.body()) && Objects.equals(onCancel(), t.onCancel());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name(), body(), onCancel());
  }

  /** The name. */
  @Override
  public String toString() {
    return name();
  }
}
