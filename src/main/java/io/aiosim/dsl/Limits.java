package io.aiosim.dsl;

/**
 * Bounds that turn hostile input into diagnostics instead of exhausted memory or stack.
 *
 * @param maxFileBytes the largest file accepted, in bytes
 * @param maxNesting the deepest nesting of tasks (groups and spawns) below the top level
 * @param maxYamlDepth the deepest nesting of YAML collections
 * @param maxTasks the largest {@code count}, and the most tasks a file may define after expansion
 * @param maxAliasNodes how many nodes YAML aliases may add in all (alias bombs)
 */
public record Limits(
    long maxFileBytes, int maxNesting, int maxYamlDepth, long maxTasks, long maxAliasNodes) {

  /** The defaults: 16 MiB, 100 levels of tasks, 1000 of YAML, 10,000,000 tasks, 100,000 nodes. */
  public static final Limits DEFAULT = new Limits(16L << 20, 100, 1000, 10_000_000L, 100_000L);

  public Limits withMaxTasks(long n) {
    return new Limits(maxFileBytes, maxNesting, maxYamlDepth, n, maxAliasNodes);
  }
}
