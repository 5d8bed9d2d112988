package io.aiosim.run;

import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.EventLoop;
import io.aiosim.engine.Future;
import io.aiosim.engine.Observer;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Requester;
import io.aiosim.engine.Task;
import io.aiosim.engine.TaskGroup;
import io.aiosim.engine.Timeout;
import io.aiosim.report.ErrorValue;
import io.aiosim.report.Event;
import io.aiosim.report.EventLog;
import io.aiosim.report.Outcome;
import io.aiosim.report.TaskReport;
import io.aiosim.report.TaskRows;
import io.aiosim.report.Warning;
import io.aiosim.run.CancelRequests.Request;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns what the engine tells ({@link Observer}) into what the report says (SPEC 6): the event
 * log, each workflow task's fate with its {@code cancelled_by}, main's outcome and the warnings.
 * Workflow tasks are those whose {@link Task#context()} is their {@link TaskSpec}; main's is
 * {@link #MAIN_CONTEXT}. Per-task state lives in arrays indexed by creation order.
 */
final class Recorder implements Observer {
  /** The context of main's task: its events say {@code "task": "main"}. */
  static final Object MAIN_CONTEXT = new Object();
  private static final int UNREPORTED = -2;
  private static final CancelCause[] CAUSES = CancelCause.values();
  private static final TaskReport.State[] STATES = {
    TaskReport.State.PENDING, TaskReport.State.COMPLETED, TaskReport.State.FAILED, TaskReport.State.CANCELLED
  };
  /** In a fate: the result is the int in {@link #ints}. */
  private static final int INT_RESULT = 0x80;

  private EventLoop loop;
  /** The tasks as the report and the event log read them. */
  private final Tasks view = new Tasks();
  private final EventLog events;
  /** Report index (or {@link EventLog#MAIN}, {@link #UNREPORTED}) of each task, by task number. */
  private int[] indexOf;
  private Task[] tasks;
  /** Each task's spec (its context), beside it: a report's writer names tasks from these alone. */
  private final SpecRows specs;
  private int[] parents;
  private long[] startedAt;
  private long[] finishedAt;
  /**
   * Each task's end as taskDone saw it, so that the report reads no Task (a million, scattered
   * over the heap): the state's index in STATES in the low two bits, then what cancelled it (its
   * cause's ordinal + 1, or 0), and INT_RESULT.
   */
  private byte[] fates;
  /** Results that are Longs fitting an int, as values (the boxes lie scattered too); null until one. */
  private int[] ints;
  /**
   * Outstanding cancel requests, oldest first: null, one {@link Request}, or a list of them. The
   * array itself is null until the first request (4 MB fewer at a million tasks none cancels).
   */
  private Object[] requests;
  private Object mainRequests;
  /** The request 3.13's TaskGroup re-cancel withdrew with its uncancel(), for its cancel(). */
  private Request recancelled;
  private int size;
  private boolean shutdown;
  private Outcome outcome;
  private final List<IndexedWarning> warnings = new ArrayList<>();

  private record IndexedWarning(int index, Warning warning) {}

  /**
   * {@code expectedTasks}: the tasks of the workflow's own list, which its strategy creates, so
   * that the arrays start at that size rather than grow there by doubling: a million-task run
   * then neither copies them nor leaves the copies for the collector (60 MiB less at 1M).
   */
  Recorder(boolean recordEvents, int expectedTasks) {
    int capacity = Math.max(64, expectedTasks + 1);
    // Task numbers count asyncio.run's own tasks too: with room for them the map from numbers
    // never doubles at the end of a run (8 MB at a million tasks).
    indexOf = new int[Math.max(64, expectedTasks + Runner.OWN_TASKS)];
    tasks = new Task[capacity];
    specs = new SpecRows(capacity);
    parents = new int[capacity];
    startedAt = new long[capacity];
    finishedAt = new long[capacity];
    fates = new byte[capacity];
    // Each task starts and ends: two events at least.
    this.events = recordEvents ? new EventLog(view, 2 * capacity) : EventLog.leftOut(view);
  }

  void attach(EventLoop loop) {
    this.loop = loop;
  }

  /** asyncio.run has begun cancelling what is left: every request from now on is SPEC 6 rule 1. */
  void shutdownBegins() {
    shutdown = true;
  }

  private int index(Task task) {
    return task.number() < indexOf.length ? indexOf[task.number()] : UNREPORTED;
  }

  @Override
  public void taskCreated(Task task) {
    int number = task.number();
    if (number >= indexOf.length) {
      indexOf = Arrays.copyOf(indexOf, Math.max(number + 1, indexOf.length * 2));
    }
    if (task.context() == MAIN_CONTEXT) {
      indexOf[number] = EventLog.MAIN;
      return;
    }
    if (!(task.context() instanceof TaskSpec spec)) {
      indexOf[number] = UNREPORTED;
      return;
    }
    if (size == tasks.length) {
      grow();
    }
    Task current = loop.currentTask();
    int parent = current == null ? UNREPORTED : index(current);
    indexOf[number] = size;
    tasks[size] = task;
    specs.add(spec);
    parents[size] = parent >= 0 ? parent : -1;
    startedAt[size] = -1;
    finishedAt[size] = -1;
    size++;
  }

  private void grow() {
    int n = size * 2;
    tasks = Arrays.copyOf(tasks, n);
    parents = Arrays.copyOf(parents, n);
    startedAt = Arrays.copyOf(startedAt, n);
    finishedAt = Arrays.copyOf(finishedAt, n);
    fates = Arrays.copyOf(fates, n);
    if (ints != null) ints = Arrays.copyOf(ints, n);
    if (requests != null) requests = Arrays.copyOf(requests, n);
  }

  @Override
  public void taskStarted(Task task) {
    int i = index(task);
    if (i >= 0) {
      startedAt[i] = loop.time();
      events.add(loop.time(), i, Event.Kind.START, null);
    }
  }

  @Override
  public void cancelAccepted(Task task, Requester by) {
    int i = index(task);
    if (i == UNREPORTED) {
      return;
    }
    if (by == TaskGroup.RECANCEL) { // the same requester asks again (its cause may have changed)
      by = recancelled.by();
      recancelled = null;
    }
    CancelCause cause = causeOf(by);
    Request r = new Request(by, cause);
    if (i == EventLog.MAIN) {
      mainRequests = CancelRequests.appended(mainRequests, r);
    } else {
      if (requests == null) requests = new Object[tasks.length];
      requests[i] = CancelRequests.appended(requests[i], r);
    }
    events.add(loop.time(), i, Event.Kind.CANCEL, cause.key());
  }

  /**
   * SPEC 6's four rules, the first that applies: shutdown; a timeout on the task it guards; a
   * strategy's own decision (a TaskGroup aborting, or waking its parent; cancel_remaining;
   * cancel_pending); or passed on by a task X that is being cancelled, the cause then coming from
   * X's earliest outstanding request.
   */
  CancelCause causeOf(Requester by) {
    if (shutdown) {
      return CancelCause.SHUTDOWN;
    }
    if (by instanceof Timeout) {
      return CancelCause.TIMEOUT;
    }
    if (by instanceof Task x) {
      boolean main = index(x) == EventLog.MAIN;
      Request first = CancelRequests.earliest(main ? mainRequests : requestsOf(x));
      if (first == null) {
        return CancelCause.PARENT;
      }
      if (first.by() instanceof Timeout) {
        return CancelCause.TIMEOUT; // X's own asyncio.timeout: its direct children say timeout
      }
      return main ? first.cause() : CancelCause.PARENT;
    }
    return CancelCause.STRATEGY;
  }

  private Object requestsOf(Task x) {
    int i = index(x);
    return i >= 0 ? requestsAt(i) : null;
  }

  private Object requestsAt(int i) {
    return requests == null ? null : requests[i];
  }

  @Override
  public void uncancelled(Task task, Requester by) {
    int i = index(task);
    if (by == TaskGroup.RECANCEL) { // 3.13's TaskGroup withdraws the latest request, to make it again
      if (i == EventLog.MAIN) {
        recancelled = CancelRequests.latest(mainRequests);
        mainRequests = CancelRequests.withoutLatest(mainRequests);
      } else if (i >= 0) {
        recancelled = CancelRequests.latest(requestsAt(i));
        if (requests != null) requests[i] = CancelRequests.withoutLatest(requests[i]);
      }
      return;
    }
    if (i == EventLog.MAIN) {
      mainRequests = CancelRequests.withdrawn(mainRequests, by);
    } else if (i >= 0 && requests != null) {
      requests[i] = CancelRequests.withdrawn(requests[i], by);
    }
  }

  @Override
  public void taskDone(Task task) {
    int i = index(task);
    if (i < 0) {
      return;
    }
    long now = loop.time();
    finishedAt[i] = now;
    if (task.isCancelled()) {
      Request first = CancelRequests.earliest(requestsAt(i));
      fates[i] = (byte) (3 | (first == null ? 0 : first.cause().ordinal() + 1) << 2);
      events.add(now, i, Event.Kind.CANCELLED, null);
    } else if (task.peekException() != null) {
      fates[i] = 2;
      events.add(now, i, Event.Kind.FAILED, ReportValues.error(task.peekException()));
    } else {
      Object v = ReportValues.value(task.peekResult());
      fates[i] = 1;
      if (v instanceof Long l && l == (int) (long) l) {
        if (ints == null) ints = new int[fates.length];
        ints[i] = (int) (long) l;
        fates[i] = (byte) (1 | INT_RESULT);
      }
      events.add(now, i, Event.Kind.COMPLETED, v);
    }
  }

  @Override
  public void exceptionHandlerCalled(String message, Future future, PyException exception) {
    int i = future instanceof Task t ? index(t) : UNREPORTED;
    String task = i >= 0 ? tasks[i].name() : null;
    // Warnings are sorted by the task's creation order; others go last, in the order they came.
    warnings.add(new IndexedWarning(i >= 0 ? i : Integer.MAX_VALUE, new Warning(message, task, ReportValues.error(exception))));
  }

  void log(Task task, String message) {
    int i = index(task);
    if (i >= 0) {
      events.add(loop.time(), i, Event.Kind.LOG, message);
    }
  }

  /** main's {@code yield} event: an as_completed item as main receives it (a group's are not). */
  void received(Task receiver, Object item) {
    if (index(receiver) == EventLog.MAIN) {
      events.add(loop.time(), EventLog.MAIN, Event.Kind.YIELD, ReportValues.value(item));
    }
  }

  void returned(Object value) {
    Object v = ReportValues.value(value);
    outcome = new Outcome(true, loop.time(), v, null);
    events.add(loop.time(), EventLog.MAIN, Event.Kind.RETURNED, v);
  }

  void raised(PyException exc) {
    ErrorValue e = ReportValues.error(exc);
    outcome = new Outcome(false, loop.time(), null, e);
    events.add(loop.time(), EventLog.MAIN, Event.Kind.RAISED, e);
  }

  Outcome outcome() {
    return outcome;
  }

  EventLog events() {
    return events;
  }

  List<Warning> warnings() {
    // A lambda of ours, which the start-up cache keeps: Comparator.comparingInt spins its own.
    warnings.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return warnings.stream().map(IndexedWarning::warning).toList();
  }

  /**
   * The tasks as the report lists them: a view, each line made when asked for, whose rows the
   * writer reads field by field instead (TaskRows: no objects per task of a million).
   */
  List<TaskReport> tasks() {
    return view;
  }

  /** The view of {@link #tasks}, which also names the event log's tasks. */
  private final class Tasks extends AbstractList<TaskReport> implements TaskRows, EventLog.TaskNames {
    @Override
    public int size() {
      return size;
    }

    @Override
    public String name(int i) {
      return specs.get(i).name();
    }

    @Override
    public TaskReport get(int i) {
      long started = startedAtNs(i);
      long finished = finishedAtNs(i);
      return new TaskReport(name(i), state(i), result(i), error(i), cancelledBy(i),
          started < 0 ? null : started, finished < 0 ? null : finished, parent(i));
    }

    @Override
    public void appendName(int i, StringBuilder out) {
      specs.appendName(i, out);
    }

    @Override
    public TaskReport.State state(int i) {
      return STATES[fates[i] & 3];
    }

    @Override
    public Object result(int i) {
      if (state(i) != TaskReport.State.COMPLETED) return null;
      return (fates[i] & INT_RESULT) != 0 ? Long.valueOf(ints[i]) : ReportValues.value(tasks[i].peekResult());
    }

    @Override
    public boolean hasIntResult(int i) {
      return (fates[i] & INT_RESULT) != 0;
    }

    @Override
    public int intResult(int i) {
      return ints[i];
    }

    @Override
    public ErrorValue error(int i) {
      return state(i) == TaskReport.State.FAILED ? ReportValues.error(tasks[i].peekException()) : null;
    }

    @Override
    public String cancelledBy(int i) {
      int cause = (fates[i] >> 2) & 0x1F;
      return state(i) == TaskReport.State.CANCELLED && cause != 0 ? CAUSES[cause - 1].key() : null;
    }

    @Override
    public long startedAtNs(int i) {
      return startedAt[i];
    }

    @Override
    public long finishedAtNs(int i) {
      return (fates[i] & 3) != 0 ? finishedAt[i] : -1;
    }

    @Override
    public String parent(int i) {
      return parents[i] < 0 ? null : name(parents[i]);
    }
  }
}
