package io.aiosim.engine;

import java.util.List;

/**
 * A Python exception object inside the engine. Identity matters (CPython passes the very same
 * CancelledError on in some places and builds a new one in others, SPEC 2), so each raise makes a
 * new instance. It never carries a Java stack trace: it is data, not a Java failure.
 */
public final class PyException extends RuntimeException {
  public static final String CANCELLED_ERROR = "CancelledError";
  public static final String TIMEOUT_ERROR = "TimeoutError";
  public static final String RUNTIME_ERROR = "RuntimeError";
  public static final String EXCEPTION_GROUP = "ExceptionGroup";

  private final String type;
  private final String pyMessage;
  private final List<PyException> exceptions;

  public PyException(String type, String message) {
    this(type, message, null);
  }

  private PyException(String type, String message, List<PyException> exceptions) {
    super(type, null, false, false);
    this.type = type;
    this.pyMessage = message;
    this.exceptions = exceptions;
  }

  /** {@code BaseExceptionGroup(message, errors)}; all our errors are Exceptions, so ExceptionGroup. */
  public static PyException group(String message, List<PyException> errors) {
    return new PyException(EXCEPTION_GROUP, message, List.copyOf(errors));
  }

  public static PyException cancelledError(String message) {
    return new PyException(CANCELLED_ERROR, message == null ? "" : message);
  }

  /** The class name, {@code type(e).__name__}. */
  public String type() {
    return type;
  }

  /** {@code str(e)}, or {@code .message} for an exception group. */
  public String pyMessage() {
    return pyMessage;
  }

  /** An exception group's {@code .exceptions}, or null for any other exception. */
  public List<PyException> exceptions() {
    return exceptions;
  }

  public boolean isCancelledError() {
    return CANCELLED_ERROR.equals(type);
  }

  @Override
  public String toString() {
    return type + "(" + pyMessage + ")";
  }
}
