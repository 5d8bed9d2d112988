package io.aiosim.report;

import java.util.List;

/**
 * One row of a picture: main or a task, what it was doing between its events ({@link Span}s)
 * and what happened at an instant ({@link Mark}s), both in time order. In virtual time code runs
 * in zero time, so a task's time is all awaiting: a sleep, other tasks, or its cleanup after a
 * cancel; running is an instant ({@link Mark.Kind#RUN}).
 *
 * @param depth 0 for main, 1 for main's own tasks, one more per level of nesting
 * @param task the task's report, or null for main
 */
public record Lane(String name, int depth, TaskReport task, List<Span> spans, List<Mark> marks) {
  public static final String MAIN = "main";

  public boolean isMain() {
    return task == null;
  }

  /**
   * A stretch of awaiting.
   *
   * @param what what it awaited, for hover text: {@code asyncio.sleep(0.1)}, {@code gather of 3 tasks}
   */
  public record Span(Kind kind, long fromNs, long toNs, String what) {
    public enum Kind {
      /** {@code asyncio.sleep} (also a group's or main's {@code after}). */
      SLEEP,
      /** Other tasks: main's or a group's strategy step. */
      AWAIT,
      /** The {@code on_cancel} steps, after a cancel reached the task. */
      CLEANUP,
      /** Main has returned; {@code asyncio.run} cancels what is left and waits for it. */
      SHUTDOWN
    }
  }

  /**
   * An instant.
   *
   * @param what the detail: a log message, a result or error, a cancel's cause, a yielded item
   */
  public record Mark(Kind kind, long atNs, String what) {
    public enum Kind {
      /** The task's code runs: its start and each wake-up. */
      RUN,
      LOG,
      /** It creates a task ({@code what} names it). */
      SPAWN,
      /** An accepted {@code cancel()} of this task ({@code what} is the cause). */
      CANCEL,
      /** Main receives an as_completed item. */
      YIELD,
      /** Main's strategy step returns or raises. */
      STEP_RETURNED,
      STEP_RAISED,
      /** Main returns (after its {@code after} sleep), or raises the CancelledError its step raised. */
      MAIN_RETURNED,
      MAIN_RAISED,
      COMPLETED,
      FAILED,
      CANCELLED,
      /** Still pending when the run ended. */
      PENDING
    }
  }
}
