package io.aiosim.run;

/**
 * Why {@code cancel()} was called: SPEC 6's {@code cancelled_by} and the {@code by} of a {@code
 * cancel} event. CPython does not record this; the recorder and the exported reference program
 * attribute it by who calls {@code cancel()} (see {@link Recorder#causeOf}).
 */
public enum CancelCause {
  TIMEOUT("timeout"),
  STRATEGY("strategy"),
  PARENT("parent"),
  SHUTDOWN("shutdown");

  private final String key;

  CancelCause(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
