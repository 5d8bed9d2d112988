package io.aiosim.engine;

/** Which clock a run uses: {@code virtual} (default, deterministic) or {@code real}. */
public enum ClockKind {
  VIRTUAL,
  REAL;

  /** The name in the report's {@code clock} field. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
