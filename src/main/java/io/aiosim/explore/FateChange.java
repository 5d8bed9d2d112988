package io.aiosim.explore;

import io.aiosim.report.Outcome;
import io.aiosim.report.TaskReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task whose fate differs between two outcomes (SPEC 9): its state, result or error,
 * cancelled_by, started_at or finished_at; or main's outcome ({@code task} is {@code main}).
 * A side is null where the task was never created.
 */
public record FateChange(String task, Object before, Object after) {
  /** Main's outcome or a task's report on either side. */
  public static final String MAIN = "main";

  /** Main first when its outcome changed, then the tasks in the order they were created. */
  public static List<FateChange> between(Outcome outcomeA, List<TaskReport> tasksA, Outcome outcomeB, List<TaskReport> tasksB) {
    List<FateChange> out = new ArrayList<>();
    if (!outcomeA.equals(outcomeB)) {
      out.add(new FateChange(MAIN, outcomeA, outcomeB));
    }
    Map<String, TaskReport> a = byName(tasksA);
    Map<String, TaskReport> b = byName(tasksB);
    Map<String, Boolean> names = new LinkedHashMap<>();
    a.keySet().forEach(n -> names.put(n, true));
    b.keySet().forEach(n -> names.put(n, true));
    for (String name : names.keySet()) {
      TaskReport x = a.get(name);
      TaskReport y = b.get(name);
      if (!Objects.equals(x, y)) {
        out.add(new FateChange(name, x, y));
      }
    }
    return out;
  }

  private static Map<String, TaskReport> byName(List<TaskReport> tasks) {
    Map<String, TaskReport> m = new LinkedHashMap<>();
    tasks.forEach(t -> m.put(t.name(), t));
    return m;
  }
}
