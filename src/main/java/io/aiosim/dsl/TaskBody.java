package io.aiosim.dsl;

import java.util.List;

/**
 * What a task runs. The shorthand ({@code delay} + {@code result}/{@code fail}) is exactly a
 * two-step list (SPEC 1.1), so it is loaded as {@link Steps} with {@code shorthand} set; the
 * flag only lets the Python exporter print it the short way.
 */
public sealed interface TaskBody {

  /** A list of steps; a body without return/raise returns null. */
  record Steps(List<Step> steps, boolean shorthand) implements TaskBody {
    public Steps {
      steps = List.copyOf(steps);
    }
  }

  /** A nested strategy over its own tasks (SPEC 1.2). */
  record Group(GroupSpec group) implements TaskBody {}
}
