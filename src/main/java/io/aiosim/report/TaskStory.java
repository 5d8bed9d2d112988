package io.aiosim.report;

import io.aiosim.dsl.After;
import io.aiosim.dsl.GroupSpec;
import io.aiosim.dsl.OnCancel;
import io.aiosim.dsl.Step;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.report.Lane.Mark;
import io.aiosim.report.Lane.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one task was doing between its events, told from its spec and its events: the report
 * says when a task started, logged, was asked to cancel and ended; the steps say what it awaited
 * in between. A steps task is replayed exactly (it awaits only sleeps, and a cancel reaches it at
 * the instant it is requested, which starts its {@code on_cancel} steps); a group task awaits its
 * strategy step, then its {@code after} sleep, or its cleanup, placed back from its end.
 */
final class TaskStory {
  /** Detail texts (hover, labels) are cut to this many characters. */
  static final int DETAIL = 120;

  private final TaskReport task;
  private final EventLog log;
  private final int[] events;
  private final long end;
  private final List<Span> spans = new ArrayList<>();
  private final List<Mark> marks = new ArrayList<>();
  private int next; // the next of this task's events the replay has not consumed

  /**
   * @param events indices into {@code log} of this task's events, in order
   * @param endOfRun where a pending task's lane stops
   */
  private TaskStory(TaskReport task, EventLog log, int[] events, long endOfRun) {
    this.task = task;
    this.log = log;
    this.events = events;
    this.end = task.finishedAtNs() != null ? task.finishedAtNs() : endOfRun;
    while (next < events.length && log.kind(events[next]) == Event.Kind.START) {
      next++;
    }
  }

  static Lane lane(TaskReport task, TaskSpec spec, int depth, EventLog log, int[] events, long endOfRun) {
    TaskStory story = new TaskStory(task, log, events, endOfRun);
    story.tell(spec);
    return new Lane(task.name(), depth, task, story.spans, story.marks);
  }

  private void tell(TaskSpec spec) {
    for (int i : events) {
      if (log.kind(i) == Event.Kind.CANCEL) {
        marks.add(new Mark(Mark.Kind.CANCEL, log.timeNs(i), String.valueOf(log.detail(i))));
      }
    }
    Long start = task.startedAtNs();
    if (start != null) {
      marks.add(new Mark(Mark.Kind.RUN, start, "starts"));
      switch (spec == null ? null : spec.body()) {
        case TaskBody.Steps s -> steps(s.steps(), spec.onCancel(), start);
        case TaskBody.Group g -> group(g.group(), spec.onCancel(), start);
        case null -> spans.add(new Span(Span.Kind.AWAIT, start, end, "unknown (no workflow)"));
      }
    }
    marks.add(ending());
    spans.removeIf(s -> s.toNs() <= s.fromNs());
    marks.sort(Comparator.comparingLong(Mark::atNs)); // stable: same-instant marks keep their order
  }

  private Mark ending() {
    return switch (task.state()) {
      case COMPLETED -> new Mark(Mark.Kind.COMPLETED, end, ValueText.value(task.result(), DETAIL));
      case FAILED -> new Mark(Mark.Kind.FAILED, end, ValueText.error(task.error(), DETAIL));
      case CANCELLED ->
          new Mark(Mark.Kind.CANCELLED, end, task.cancelledBy() == null ? "itself" : task.cancelledBy());
      case PENDING -> new Mark(Mark.Kind.PENDING, end, "pending at exit");
    };
  }

  /** The body, then the cleanup if a cancel (or its own CancelledError) interrupted it. */
  private void steps(List<Step> body, OnCancel onCancel, long start) {
    long interrupted = walk(body, start, Span.Kind.SLEEP);
    if (interrupted >= 0 && onCancel != null) {
      walk(onCancel.steps(), interrupted, Span.Kind.CLEANUP);
    }
  }

  /**
   * Replays {@code steps} from {@code now}, consuming this task's log events; returns the time a
   * CancelledError reached them, or -1 when they ran to their end (or the run did).
   */
  private long walk(List<Step> steps, long now, Span.Kind sleeping) {
    String prefix = sleeping == Span.Kind.CLEANUP ? "on_cancel: " : "";
    for (Step step : steps) {
      switch (step) {
        case Step.Sleep s -> {
          long due = s.ns() > end - now ? end : now + s.ns(); // a pending task's last sleep
          int cancel = nextCancel(due);
          String what = prefix + "asyncio.sleep(" + PyNumbers.seconds(s.ns()) + ")";
          if (cancel >= 0) {
            long at = log.timeNs(events[cancel]);
            spans.add(new Span(sleeping, now, at, what));
            next = cancel + 1;
            while (next < events.length && log.kind(events[next]) == Event.Kind.CANCEL && log.timeNs(events[next]) == at) {
              next++; // asked twice before it ran: one CancelledError
            }
            return at;
          }
          spans.add(new Span(sleeping, now, due, what));
          if (due >= end && s.ns() > end - now) {
            return -1;
          }
          now = due;
          if (s.ns() > 0) {
            marks.add(new Mark(Mark.Kind.RUN, now, "wakes up"));
          }
        }
        case Step.Log l -> {
          if (next < events.length && log.kind(events[next]) == Event.Kind.LOG) {
            marks.add(new Mark(Mark.Kind.LOG, log.timeNs(events[next]), ValueText.text(String.valueOf(log.detail(events[next])), DETAIL)));
            next++;
          }
        }
        case Step.Spawn sp -> marks.add(new Mark(Mark.Kind.SPAWN, now, sp.task().name()));
        case Step.Return r -> {
          return -1;
        }
        case Step.Raise r -> {
          return r.error().type().equals("CancelledError") ? now : -1;
        }
      }
    }
    return -1;
  }

  /** The index in {@link #events} of the next event if it is a cancel at or before {@code due}, else -1. */
  private int nextCancel(long due) {
    for (int i = next; i < events.length; i++) {
      Event.Kind k = log.kind(events[i]);
      if (k == Event.Kind.CANCEL) {
        return log.timeNs(events[i]) <= due ? i : -1;
      }
      if (k != Event.Kind.START) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * A group task awaits its strategy step, then sleeps its {@code after} (also after an error);
   * a cancel that ends it (or is suppressed by its cleanup) runs the cleanup instead, placed back
   * from its end since no event marks where it began.
   */
  private void group(GroupSpec group, OnCancel onCancel, long start) {
    String step = group.strategy().kind().key() + " of " + ValueText.count(group.tasks().size())
        + (group.tasks().size() == 1 ? " task" : " tasks");
    for (int i : events) {
      if (log.kind(i) == Event.Kind.LOG) {
        marks.add(new Mark(Mark.Kind.LOG, log.timeNs(i), ValueText.text(String.valueOf(log.detail(i)), DETAIL)));
      }
    }
    long firstCancel = -1;
    for (int i : events) {
      if (log.kind(i) == Event.Kind.CANCEL) {
        firstCancel = log.timeNs(i);
        break;
      }
    }
    boolean cleanedUp =
        onCancel != null && firstCancel >= 0
            && (task.state() == TaskReport.State.CANCELLED
                || onCancel.suppress() && task.state() == TaskReport.State.COMPLETED
                    && Objects.equals(task.result(), onCancel.result()));
    if (cleanedUp) {
      long from = Math.max(firstCancel, end - sleeps(onCancel.steps()));
      spans.add(new Span(Span.Kind.AWAIT, start, from, step));
      spans.add(new Span(Span.Kind.CLEANUP, from, end, "on_cancel steps"));
      return;
    }
    After after = group.after();
    if (task.state() == TaskReport.State.CANCELLED || task.state() == TaskReport.State.PENDING || after == null) {
      spans.add(new Span(Span.Kind.AWAIT, start, end, step));
      return;
    }
    long stepEnd = Math.max(start, end - after.sleepNs());
    spans.add(new Span(Span.Kind.AWAIT, start, stepEnd, step));
    spans.add(new Span(Span.Kind.SLEEP, stepEnd, end, "after: asyncio.sleep(" + PyNumbers.seconds(after.sleepNs()) + ")"));
  }

  /** The time the steps sleep when nothing interrupts them. */
  private static long sleeps(List<Step> steps) {
    long total = 0;
    for (Step s : steps) {
      if (s instanceof Step.Sleep sleep) {
        total = Math.addExact(total, sleep.ns());
      } else if (s instanceof Step.Return || s instanceof Step.Raise) {
        break;
      }
    }
    return total;
  }
}
