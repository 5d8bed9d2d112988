package io.aiosim.report;

/**
 * One timeline event. {@code detail} is the kind's payload: the message (log), the result
 * (completed, returned), the {@link ErrorValue} (failed, raised), the item (yield), the cause key (cancel), or null.
 */
public record Event(long tNs, String task, Kind kind, Object detail) {

  public enum Kind {
    START("start", null),
    LOG("log", "message"),
    /** An accepted {@code cancel()}: when and why (SPEC 6); {@code cancelled} says when it took effect. */
    CANCEL("cancel", "by"),
    COMPLETED("completed", "result"),
    FAILED("failed", "error"),
    CANCELLED("cancelled", null),
    YIELD("yield", "item"),
    RETURNED("returned", "value"),
    RAISED("raised", "error");

    private final String key;
    private final String detailKey;

    Kind(String key, String detailKey) {
      this.key = key;
      this.detailKey = detailKey;
    }

    public String key() {
      return key;
    }

    /** The JSON key of the payload, or null when the kind has none. */
    public String detailKey() {
      return detailKey;
    }
  }
}
