package io.aiosim.report;

import java.util.List;

/**
 * A report's tasks as its writer reads them: field by field and task by task, so that a run's
 * recorder can answer from its arrays without a {@link TaskReport}, two boxed times and a name
 * string for each task of a million (run.Recorder). Times are -1 where a {@link TaskReport} has
 * null. {@link #of} reads a plain list.
 */
public interface TaskRows {
  int size();

  /** Task {@code i}'s name, appended to {@code out}. */
  void appendName(int i, StringBuilder out);

  TaskReport.State state(int i);

  /** The result when completed, else null. */
  Object result(int i);

  /** Whether {@link #result} is a Long that {@link #intResult} gives without its box (the writer's way). */
  default boolean hasIntResult(int i) {
    return false;
  }

  /** The value of a result that {@link #hasIntResult}. */
  default int intResult(int i) {
    throw new IllegalStateException("no int result");
  }

  /** The error when failed, else null. */
  ErrorValue error(int i);

  /** What cancelled it when cancelled (or null: it raised CancelledError itself), else null. */
  String cancelledBy(int i);

  long startedAtNs(int i);

  long finishedAtNs(int i);

  String parent(int i);

  /** The rows of {@code tasks}: theirs when it has them (the recorder's view), else read from each report. */
  static TaskRows of(List<TaskReport> tasks) {
    if (tasks instanceof TaskRows rows) return rows;
    return new TaskRows() {
      @Override
      public int size() {
        return tasks.size();
      }

      @Override
      public void appendName(int i, StringBuilder out) {
        out.append(tasks.get(i).name());
      }

      @Override
      public TaskReport.State state(int i) {
        return tasks.get(i).state();
      }

      @Override
      public Object result(int i) {
        return tasks.get(i).result();
      }

      @Override
      public ErrorValue error(int i) {
        return tasks.get(i).error();
      }

      @Override
      public String cancelledBy(int i) {
        return tasks.get(i).cancelledBy();
      }

      @Override
      public long startedAtNs(int i) {
        Long t = tasks.get(i).startedAtNs();
        return t == null ? -1 : t;
      }

      @Override
      public long finishedAtNs(int i) {
        Long t = tasks.get(i).finishedAtNs();
        return t == null ? -1 : t;
      }

      @Override
      public String parent(int i) {
        return tasks.get(i).parent();
      }
    };
  }
}
