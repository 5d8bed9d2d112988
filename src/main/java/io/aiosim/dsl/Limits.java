package io.aiosim.dsl;

/**
 * Bounds that turn hostile input into diagnostics instead of exhausted memory, stack or disk.
 * Each is checked before the work it bounds: the file's size before it is read, the YAML's
 * nesting and aliases while it is parsed, the tasks, the run's memory and the report's size on
 * the raw tree before the model is built ({@link Footprint}).
 *
 * @param maxFileBytes the largest file accepted, in bytes
 * @param maxNesting the deepest nesting of tasks (groups and spawns) below the top level
 * @param maxYamlDepth the deepest nesting of YAML collections
 * @param maxTasks the largest {@code count}, and the most tasks a file may define after expansion
 * @param maxAliasNodes how many nodes YAML aliases may add in all (alias bombs)
 * @param maxAliasBytes how many bytes of text YAML aliases may add in all (a long string aliased
 *     many times)
 * @param maxRunBytes the most memory a run may need, as {@link Footprint} estimates it
 * @param maxReportBytes the largest report a run may write, as {@link Footprint} bounds it
 */
public record Limits(
    long maxFileBytes,
    int maxNesting,
    int maxYamlDepth,
    long maxTasks,
    long maxAliasNodes,
    long maxAliasBytes,
    long maxRunBytes,
    long maxReportBytes) {

  /**
   * The defaults: files of 16 MiB, 100 levels of tasks, 1000 of YAML, 10,000,000 tasks, aliases
   * adding 100,000 nodes or 16 MiB, a run needing 1.2 GB (about 2.6 million shorthand tasks, or
   * 1.7 million with an on_cancel), a report of 1 GB (which stops those at about 1.75 and 1.4
   * million).
   */
  public static final Limits DEFAULT =
      new Limits(16L << 20, 100, 1000, 10_000_000L, 100_000L, 16L << 20, 1_200_000_000L, 1_000_000_000L);

  /** The first five bounds; the others are the defaults. */
  public Limits(long maxFileBytes, int maxNesting, int maxYamlDepth, long maxTasks, long maxAliasNodes) {
    this(maxFileBytes, maxNesting, maxYamlDepth, maxTasks, maxAliasNodes,
        DEFAULT.maxAliasBytes, DEFAULT.maxRunBytes, DEFAULT.maxReportBytes);
  }

  public Limits withMaxTasks(long n) {
    return new Limits(maxFileBytes, maxNesting, maxYamlDepth, n, maxAliasNodes, maxAliasBytes, maxRunBytes, maxReportBytes);
  }
}
