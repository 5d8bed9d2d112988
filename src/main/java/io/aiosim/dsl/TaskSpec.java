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
public final class TaskSpec {
  /** The name, or the template ({@code {i}} in it) of a copy's name. */
  private final String name;
  /** The index that replaces {@code {i}} in {@link #name}, or -1 when it is the name. */
  private final int index;
  private final TaskBody body;
  private final OnCancel onCancel;

  public TaskSpec(String name, TaskBody body, OnCancel onCancel) {
    this(name, -1, body, onCancel);
  }

  private TaskSpec(String name, int index, TaskBody body, OnCancel onCancel) {
    this.name = Objects.requireNonNull(name);
    this.index = index;
    this.body = body;
    this.onCancel = onCancel;
  }

  /** The task whose name is {@code template} with each {@code {i}} replaced by {@code index} (SPEC 4). */
  static TaskSpec named(String template, int index, TaskBody body, OnCancel onCancel) {
    return new TaskSpec(template, index, body, onCancel);
  }

  /** This task's name with another body and on_cancel (copies that came out the same share them). */
  TaskSpec with(TaskBody body, OnCancel onCancel) {
    return new TaskSpec(name, index, body, onCancel);
  }

  public String name() {
    return format(name, index);
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
    appendName(name, index, out);
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

  public TaskBody body() {
    return body;
  }

  public OnCancel onCancel() {
    return onCancel;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskSpec t && name().equals(t.name()) && Objects.equals(body, t.body) && Objects.equals(onCancel, t.onCancel);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name(), body, onCancel);
  }

  /** The name. */
  @Override
  public String toString() {
    return name();
  }
}
