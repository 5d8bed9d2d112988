package io.aiosim.dsl;

import java.util.List;

/**
 * A strategy with its options (SPEC section 2). Options that do not apply to {@code kind} hold
 * their defaults; the loader rejects them when given for another kind.
 *
 * @param returnExceptions gather's {@code return_exceptions}
 * @param onError as_completed's {@code on_error}
 * @param returnWhen wait's {@code return_when}
 * @param cancelPending wait's {@code cancel_pending}
 * @param await create_task's {@code await} list, or null for "all, in declaration order"
 * @param timeoutNs the {@code timeout} in ns, or null
 */
public record StrategySpec(
    Kind kind,
    boolean returnExceptions,
    OnError onError,
    ReturnWhen returnWhen,
    boolean cancelPending,
    List<String> await,
    Long timeoutNs) {

  public enum Kind {
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
  }

  public enum OnError {
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
  public enum ReturnWhen {
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION
  }

  /** A spec of {@code kind} with every option at its default. */
  public static StrategySpec defaults(Kind kind) {
    return new StrategySpec(kind, false, OnError.CONTINUE, ReturnWhen.ALL_COMPLETED, false, null, null);
  }
}
