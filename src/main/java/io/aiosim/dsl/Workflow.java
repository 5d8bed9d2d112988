package io.aiosim.dsl;

import java.util.List;

/**
 * A loaded workflow (SPEC section 1): fully expanded ({@code count} unrolled, {@code uniform}
 * delays drawn), so the engine never sees templates or random draws.
 *
 * @param name the workflow name (defaults to the file name without extension)
 * @param description free text, or null
 * @param seed the SplitMix64 seed the delays were drawn with
 * @param strategy main's strategy over {@code tasks}
 * @param tasks the top-level tasks, in declaration order
 * @param after what main does after the strategy step, or null for nothing
 * @param expect the optional {@code expect:} block as plain values (maps, lists, scalars), or
 *     null; only {@code test} reads it
 * @param python the asyncio the file pins ({@code python: "3.13"}), or null: the command line's
 *     {@code --python} overrides it, and {@link PythonVersion#DEFAULT} stands in for neither
 */
public record Workflow(
    String name,
    String description,
    long seed,
    StrategySpec strategy,
    List<TaskSpec> tasks,
    After after,
    java.util.Map<String, Object> expect,
    PythonVersion python) {
  public Workflow {
    tasks = List.copyOf(tasks);
  }

  /** A workflow that pins no Python version. */
  public Workflow(
      String name,
      String description,
      long seed,
      StrategySpec strategy,
      List<TaskSpec> tasks,
      After after,
      java.util.Map<String, Object> expect) {
    this(name, description, seed, strategy, tasks, after, expect, null);
  }

  /** The same workflow pinned to {@code version} (a command line's {@code --python}); null keeps its own. */
  public Workflow withPython(PythonVersion version) {
    return version == null ? this : new Workflow(name, description, seed, strategy, tasks, after, expect, version);
  }

  /** The version this workflow models: {@code override} if set, else its own, else the default. */
  public PythonVersion pythonOr(PythonVersion override) {
    return override != null ? override : python != null ? python : PythonVersion.DEFAULT;
  }
}
