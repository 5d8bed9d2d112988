package io.aiosim.report;

import java.util.List;

/**
 * An exception as the report shows it: {@code {"type": ..., "message": ...}}, plus
 * {@code exceptions} for an exception group (null otherwise).
 */
public record ErrorValue(String type, String message, List<ErrorValue> exceptions) {
  public ErrorValue(String type, String message) {
    this(type, message, null);
  }
}
