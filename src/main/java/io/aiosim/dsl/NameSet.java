package io.aiosim.dsl;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * The task names a file has used so far, each with the position of its first use (a second use
 * is an error, SPEC 1). The copies of a counted task come one after another with the indexes 0, 1,
 * 2, ... of one template, and are kept as a <em>run</em>: the template and its first and last
 * index. Checking each of a million copies by its formatted name took half the reading of the
 * file, and the table of their names was garbage that the first young collections copied.
 *
 * <p>Two names can only be equal when they are equal once each stretch of digits is replaced by
 * one {@code #}, their <em>shape</em>, and a template's copies all have one shape (an index is a
 * stretch of digits, whatever its value). So names are kept in buckets by shape, and a run alone
 * in its bucket grows by one copy at no cost. A name whose bucket holds other runs is looked for
 * in them, each answering from its template whether it made the name (the index that would, in
 * its range). A bucket with more than {@link #MOST_RUNS} runs turns into names one by one in a
 * {@link NameTable}, so that no lookup checks more runs than that.
 *
 * <p>The answers are those of a map from each formatted name to its first position, {@code
 * putIfAbsent} included (NameSetTest holds the two together): runs are made in turn and never
 * overlap in time, so the earliest run that holds a name is the one that added it first.
 */
final class NameSet {
  static final int MOST_RUNS = 16;

  private final NameTable table = new NameTable();
  private final HashMap<String, Bucket> buckets = new HashMap<>();
  /** The run the last name went to, while the next copy of its template may still extend it. */
  private Run last;
  /** The shape of the last template looked up with an index: nested counts read one over and over. */
  private String shapeOf;
  private String shape;
  /** How many buckets turned into names one by one (tests). */
  int exactBuckets;

  /** Names of one shape: runs in the order they were made, or (exact) names in the table. */
  private static final class Bucket {
    final ArrayList<Run> runs = new ArrayList<>(2);
    boolean exact;
  }

  /** {@code template} with {@code {i}} replaced by each index from lo to hi; a literal name when lo is -1. */
  private static final class Run {
    final String template;
    final int lo;
    int hi;
    final Position pos;
    final Bucket bucket;

    Run(String template, int index, Position pos, Bucket bucket) {
      this.template = template;
      this.lo = index;
      this.hi = index;
      this.pos = pos;
      this.bucket = bucket;
    }

    boolean holds(String name) {
      if (lo < 0) return template.equals(name);
      int i = indexIn(template, name);
      return i >= lo && i <= hi;
    }
  }

  /**
   * Adds the name {@code template} with {@code {i}} replaced by {@code index} ({@code template}
   * itself when {@code index < 0}), first used at {@code pos}; returns the position of its first
   * use instead when it is there already.
   */
  Position putIfAbsent(String template, int index, Position pos) {
    Run run = last;
    if (run != null && index >= 0 && index == run.hi + 1 && run.template.equals(template) && run.pos.equals(pos)) {
      // The next copy of the last run's template: alone in its bucket it can be no other's name.
      Position first = run.bucket.runs.size() == 1 ? null : earliest(run.bucket, TaskSpec.format(template, index));
      run.hi = index; // a name already there may be in a later run too: the earliest answers
      return first;
    }
    Bucket bucket = buckets.computeIfAbsent(shape(template, index), k -> new Bucket());
    if (bucket.exact) {
      last = null;
      return table.putIfAbsent(template, index, pos);
    }
    Position first = bucket.runs.isEmpty() ? null : earliest(bucket, TaskSpec.format(template, index));
    run = new Run(template, index, pos, bucket);
    bucket.runs.add(run);
    last = index >= 0 ? run : null;
    if (bucket.runs.size() > MOST_RUNS) {
      // Names one by one from here, the runs' first (the table keeps the first position of each).
      for (Run r : bucket.runs) {
        for (long i = r.lo; i <= r.hi; i++) table.putIfAbsent(r.template, (int) i, r.pos);
      }
      bucket.runs.clear();
      bucket.exact = true;
      exactBuckets++;
      last = null;
    }
    return first;
  }

  /** The position of the earliest run in {@code bucket} that holds {@code name}, or null. */
  private static Position earliest(Bucket bucket, String name) {
    for (Run r : bucket.runs) {
      if (r.holds(name)) return r.pos;
    }
    return null;
  }

  /** The shape of the name that {@code template} and {@code index} make (any index >= 0 gives one shape). */
  private String shape(String template, int index) {
    if (index < 0) return shape(template); // a literal: its "{i}" is no index ("w{i}" is not "w0")
    if (template != shapeOf) {
      shapeOf = template;
      shape = shape(TaskSpec.format(template, 0));
    }
    return shape;
  }

  /** {@code name} with each stretch of ASCII digits replaced by one {@code #}. */
  static String shape(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c >= '0' && c <= '9') {
        if (out.isEmpty() || out.charAt(out.length() - 1) != '#') out.append('#');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The index i >= 0 for which {@code template} (which has {@code {i}} in it) makes {@code name},
   * or -1: its copies differ only in the digits of i (no leading zeros: the last check), written
   * the same at each {@code {i}}.
   */
  static int indexIn(String template, String name) {
    int at = template.indexOf("{i}");
    if (at < 0) return -1;
    int occurrences = 0;
    for (int k = at; k >= 0; k = template.indexOf("{i}", k + 3)) occurrences++;
    int digits = name.length() - (template.length() - 3 * occurrences);
    if (digits <= 0 || digits % occurrences != 0) return -1;
    digits /= occurrences;
    if (digits > 10 || !name.regionMatches(0, template, 0, at)) return -1;
    long i = 0;
    for (int k = at; k < at + digits; k++) {
      char c = name.charAt(k);
      if (c < '0' || c > '9') return -1;
      i = 10 * i + (c - '0');
    }
    return i <= Integer.MAX_VALUE && TaskSpec.format(template, (int) i).equals(name) ? (int) i : -1;
  }
}
