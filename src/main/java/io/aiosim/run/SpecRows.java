package io.aiosim.run;

import io.aiosim.dsl.TaskSpec;
import java.util.Arrays;

/**
 * The recorded tasks' specs by row, and their names by <em>runs</em>: rows recorded one after
 * another from consecutive copies of one counted task (a strategy's list creates its tasks so)
 * form a run, and a row is named from its run's first spec and its offset in the run. A report
 * names a million events in the random order their tasks finish; through the runs a name costs
 * no fetch of a spec scattered over the heap (those fetches were 44 % of the 1M report's writing).
 */
final class SpecRows {
  private TaskSpec[] specs;
  /** The first row of each run, ascending. */
  private int[] runs = new int[16];
  private int runCount;
  private int size;

  SpecRows(int capacity) {
    specs = new TaskSpec[capacity];
  }

  void add(TaskSpec spec) {
    if (size == specs.length) specs = Arrays.copyOf(specs, size * 2);
    if (size == 0 || !spec.follows(specs[size - 1])) {
      if (runCount == runs.length) runs = Arrays.copyOf(runs, runCount * 2);
      runs[runCount++] = size;
    }
    specs[size++] = spec;
  }

  TaskSpec get(int row) {
    return specs[row];
  }

  /** Row {@code row}'s name, appended to {@code out}: the same as {@code get(row).appendName(out)}. */
  void appendName(int row, StringBuilder out) {
    // With runs nearly as many as rows (no counts), the search would cost more than the fetch.
    if (runCount > size >>> 3) {
      specs[row].appendName(out);
      return;
    }
    int k = runCount == 1 ? 0 : run(row);
    specs[runs[k]].appendName(row - runs[k], out);
  }

  /** The run that holds {@code row}: the last whose first row is at most {@code row}. */
  private int run(int row) {
    int at = Arrays.binarySearch(runs, 0, runCount, row); // first rows are distinct, the first 0
    return at >= 0 ? at : -at - 2;
  }
}
