package io.aiosim.dsl;

/** A user's mistake in a workflow file: a value, never an exception (SPEC section 7). */
public record Diagnostic(Position position, String message) {
  @Override
  public String toString() {
    return position + ": " + message;
  }
}
