package io.aiosim.run;

import io.aiosim.dsl.OnCancel;
import io.aiosim.engine.Coro;
import io.aiosim.engine.Frame;
import io.aiosim.engine.PyException;
import io.aiosim.engine.TaskGroup;

/**
 * {@code try: <body> except CancelledError: <steps>; raise} (or {@code return result} for {@code
 * then: suppress}). A return step in the cleanup returns its value; a second cancel or a raise
 * step during the cleanup propagates instead, as in Python.
 */
final class OnCancelBody extends Frame {
  private static final Object FELL_OFF = new Object();

  private final Interpreter in;
  private final Coro body;
  private final OnCancel onCancel;
  private final TaskGroup enclosing;
  private PyException caught;
  private boolean started;

  OnCancelBody(Interpreter in, Coro body, OnCancel onCancel, TaskGroup enclosing) {
    this.in = in;
    this.body = body;
    this.onCancel = onCancel;
    this.enclosing = enclosing;
  }

  @Override
  protected Signal advance(Object value, PyException exc) {
    if (!started) {
      started = true;
      if (exc != null) {
        throw exc;
      }
      return await(body);
    }
    if (caught == null) { // the body ended
      if (exc == null) {
        return done(value);
      }
      if (!exc.isCancelledError()) {
        throw exc;
      }
      caught = exc;
      return await(
          new StepsBody(in, onCancel, enclosing) {
            @Override
            Object fellOff() {
              return FELL_OFF;
            }
          });
    }
    if (exc != null) { // the cleanup raised, or was cancelled again
      throw exc;
    }
    if (value != FELL_OFF) {
      return done(value);
    }
    if (onCancel.suppress()) {
      return done(onCancel.result());
    }
    throw caught;
  }
}
