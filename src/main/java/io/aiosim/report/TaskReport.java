package io.aiosim.report;

/**
 * One task's fate (SPEC section 6, {@code tasks}).
 *
 * @param state completed, failed, cancelled or pending
 * @param result the result when completed
 * @param error the error when failed
 * @param cancelledBy timeout, strategy, parent, shutdown, or null (the task raised it itself)
 * @param startedAtNs null when the task never started
 * @param finishedAtNs null when pending
 * @param parent the spawning or group task, or null
 */
public record TaskReport(
    String name,
    State state,
    Object result,
    ErrorValue error,
    String cancelledBy,
    Long startedAtNs,
    Long finishedAtNs,
    String parent) {

  public enum State {
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    PENDING("pending");

    private final String key;

    State(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }
}
