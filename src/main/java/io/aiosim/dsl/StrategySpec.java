package io.aiosim.dsl;

import java.util.List;

/**
 * A strategy with its options (SPEC section 2): one record per kind, each holding only its own
 * options, so that the reader, the report writer, the exporter and the run switch over it
 * exhaustively. {@code timeout} belongs to every kind.
 */
public sealed interface StrategySpec {

  Kind kind();

  /** The {@code timeout} in ns, or null. */
  Long timeoutNs();

  /** The same strategy with another timeout (null: none). */
  StrategySpec withTimeout(Long ns);

  /** {@code await asyncio.gather(*coros, return_exceptions=R)}. */
  record Gather(boolean returnExceptions, Long timeoutNs) implements StrategySpec {
    @Override
    public Kind kind() {
      return Kind.GATHER;
    }

    @Override
    public Gather withTimeout(Long ns) {
      return new Gather(returnExceptions, ns);
    }
  }

  /** {@code async with asyncio.TaskGroup() as tg}, one {@code tg.create_task} per task. */
  record TaskGroup(Long timeoutNs) implements StrategySpec {
    @Override
    public Kind kind() {
      return Kind.TASKGROUP;
    }

    @Override
    public TaskGroup withTimeout(Long ns) {
      return new TaskGroup(ns);
    }
  }

  /** {@code for f in asyncio.as_completed(tasks, timeout=T): await f}. */
  record AsCompleted(OnError onError, Long timeoutNs) implements StrategySpec {
    @Override
    public Kind kind() {
      return Kind.AS_COMPLETED;
    }

    @Override
    public AsCompleted withTimeout(Long ns) {
      return new AsCompleted(onError, ns);
    }
  }

  /**
   * {@code done, pending = await asyncio.wait(tasks, timeout=T, return_when=W)}.
   *
   * @param cancelPending then {@code cancel()} each pending task, in creation order
   * @param retrieve then {@code exception()} on each task in done that did not end cancelled
   */
  record Wait(ReturnWhen returnWhen, boolean cancelPending, boolean retrieve, Long timeoutNs)
      implements StrategySpec {
    @Override
    public Kind kind() {
      return Kind.WAIT;
    }

    @Override
    public Wait withTimeout(Long ns) {
      return new Wait(returnWhen, cancelPending, retrieve, ns);
    }
  }

  /**
   * {@code asyncio.create_task(...)} for each task, then {@code await t} for each name in {@code
   * await}.
   *
   * @param await the names in the order awaited, or null for "all, in declaration order"
   */
  record CreateTask(List<String> await, Long timeoutNs) implements StrategySpec {
    public CreateTask {
      await = await == null ? null : List.copyOf(await);
    }

    @Override
    public Kind kind() {
      return Kind.CREATE_TASK;
    }

    @Override
    public CreateTask withTimeout(Long ns) {
      return new CreateTask(await, ns);
    }
  }

  enum Kind {
    GATHER("gather"),
    TASKGROUP("taskgroup"),
    AS_COMPLETED("as_completed"),
    WAIT("wait"),
    CREATE_TASK("create_task");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The name used in YAML and in the report. */
    public String key() {
      return key;
    }

    /** This kind with every option at its default and no timeout. */
    public StrategySpec defaults() {
      return switch (this) {
        case GATHER -> new Gather(false, null);
        case TASKGROUP -> new TaskGroup(null);
        case AS_COMPLETED -> new AsCompleted(OnError.CONTINUE, null);
        case WAIT -> new Wait(ReturnWhen.ALL_COMPLETED, false, false, null);
        case CREATE_TASK -> new CreateTask(null, null);
      };
    }
  }

  enum OnError {
    CONTINUE("continue"),
    CANCEL_REMAINING("cancel_remaining");

    private final String key;

    OnError(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** asyncio's constants, spelt as in Python. */
  enum ReturnWhen {
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION
  }
}
