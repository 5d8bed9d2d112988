package io.aiosim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors asyncio/base_events.py BaseEventLoop (3.12; 3.13's differs in nothing a workflow
 * reaches): a FIFO ready queue run in batches as {@code _run_once} does, and a timer heap
 * ordered by {@code (when, seq)} ({@link TimerQueue}). Its {@link AsyncioVersion} tells the
 * tasks, task groups and timeouts made on it which release's code to follow.
 * Single-threaded: every callback runs on the caller's thread, one after another.
 */
public final class EventLoop {
  private final Clock clock;
  private final Observer observer;
  private final AsyncioVersion version;
  private final ReadyQueue ready = new ReadyQueue();
  /** Every task made on this loop, in creation order (CPython's {@code _scheduled_tasks}). */
  private final ArrayList<Task> tasks = new ArrayList<>();
  private final TimerQueue scheduled = new TimerQueue();
  /** Null: ties run in the order their timers were set (SPEC 5), on the fast path. */
  private TieOrder tieOrder;
  private final ArrayList<TimerHandle> tie = new ArrayList<>();
  private int timerSeq;
  private boolean stopping;
  private Task currentTask;

  public EventLoop(Clock clock) {
    this(clock, Observer.NONE);
  }

  public EventLoop(Clock clock, Observer observer) {
    this(clock, observer, AsyncioVersion.V3_12);
  }

  /** A loop whose tasks, task groups and timeouts behave as {@code version}'s asyncio does. */
  public EventLoop(Clock clock, Observer observer, AsyncioVersion version) {
    this.clock = clock;
    this.observer = observer;
    this.version = version;
  }

  Observer observer() {
    return observer;
  }

  /** The asyncio this loop mirrors; its switches are read where the versions' code differs. */
  public AsyncioVersion version() {
    return version;
  }

  /** {@code loop.create_task(coro, name=name, context=context)}: scheduled, not yet run. */
  public Task createTask(Coro coro, Object name, Object context) {
    Task task = new Task(this, coro, name, context, tasks.size());
    tasks.add(task);
    observer.taskCreated(task);
    return task;
  }

  /**
   * Room for {@code n} more tasks in the list of all tasks: a size hint, nothing asyncio has. A
   * list grown by half again and again to a million tasks left 12 MB of smaller copies behind.
   */
  public void expectTasks(int n) {
    tasks.ensureCapacity(tasks.size() + n);
  }

  /**
   * Every task made on this loop, in creation order, done or not ({@code tasks.all_tasks()}
   * filters the pending ones; CPython walks a set there, SPEC 2 fixes creation order).
   */
  public List<Task> tasks() {
    return java.util.Collections.unmodifiableList(tasks);
  }

  /** {@code loop.call_exception_handler(context)}: the observer hears it. */
  public void callExceptionHandler(String message, Future future, PyException exception) {
    observer.exceptionHandlerCalled(message, future, exception);
  }
  /** {@code loop.time()} in ns. */
  public long time() {
    return clock.now();
  }

  /** {@code tasks.current_task()}. */
  public Task currentTask() {
    return currentTask;
  }

  void enterTask(Task task) {
    if (currentTask != null) {
      throw new IllegalStateException("cannot enter " + task + " while " + currentTask + " runs");
    }
    currentTask = task;
  }

  void leaveTask(Task task) {
    if (currentTask != task) {
      throw new IllegalStateException("leaving " + task + " but " + currentTask + " runs");
    }
    currentTask = null;
  }

  /**
   * Lets {@code order} choose the order of every tie from now on (SPEC 9); null restores the
   * reference loop's, the order the timers were set.
   */
  public void setTieOrder(TieOrder order) {
    this.tieOrder = order;
  }

  /** {@code loop.call_soon}. */
  public void callSoon(Handle handle) {
    ready.add(handle);
  }

  /** {@code loop.call_soon(task.__step)}, a Handle no one can cancel (see {@link ReadyQueue}). */
  void callSoonStep(Task task) {
    ready.addStep(task);
  }

  /** {@code loop.call_soon(callback, future)} for a done callback (see {@link ReadyQueue}). */
  void callSoon(DoneCallback callback, Future future) {
    ready.addDoneCallback(callback, future);
  }

  /** {@code loop.call_soon(callback)}. */
  public Handle callSoon(Runnable callback) {
    Handle h = new Handle.Callback(callback);
    ready.add(h);
    return h;
  }

  /** {@code loop.call_at}. */
  public TimerHandle callAt(long when, Runnable callback) {
    return callAt(when, null, callback);
  }

  /**
   * {@code loop.call_at}, naming the callback as CPython's TimerHandle repr would (e.g. {@code
   * Timeout._on_timeout}), so that a tie can say which timers it holds.
   */
  public TimerHandle callAt(long when, String callbackName, Runnable callback) {
    return schedule(new TimerHandle.Call(when, callbackName, callback, currentTask));
  }

  /** Queues a timer made by the caller (a subclass that carries its arguments). */
  TimerHandle schedule(TimerHandle h) {
    h.seq = timerSeq++;
    scheduled.add(h);
    return h;
  }

  /** {@code loop.call_later}: due at {@code now + delay}, exact in ns. */
  public TimerHandle callLater(long delay, Runnable callback) {
    return callAt(deadline(delay), callback);
  }

  /** {@code loop.call_later}, the callback named as in {@link #callAt(long, String, Runnable)}. */
  public TimerHandle callLater(long delay, String callbackName, Runnable callback) {
    return callAt(deadline(delay), callbackName, callback);
  }

  /** {@code now + delay} in ns; a clock that would pass 2^63 - 1 ns stops the run (SPEC 5). */
  public long deadline(long delay) {
    long when = time() + delay;
    if (when < 0) { // both are >= 0: a negative sum wrapped around
      throw new ClockOverflow(time(), delay);
    }
    return when;
  }

  /** {@code loop.create_future()}. */
  public Future createFuture() {
    return new Future(this);
  }

  /** {@code loop.stop()}: the current batch finishes, then {@link #runForever} returns. */
  public void stop() {
    stopping = true;
  }

  /** {@code run_forever}: iterate until {@link #stop()}. */
  public void runForever() {
    try {
      while (true) {
        runOnce();
        if (stopping) {
          break;
        }
      }
    } finally {
      stopping = false;
    }
  }

  /**
   * {@code run_until_complete(future)}: runs until the future is done. As in CPython, the stop
   * callback goes through the ready queue, so the batch it runs in completes first.
   */
  public void runUntilComplete(Future future) {
    DoneCallback stopper =
        f -> {
          if (!f.isCancelled()) {
            f.exception(); // _run_until_complete_cb retrieves it, as CPython does
          }
          stop();
        };
    future.addDoneCallback(stopper);
    try {
      runForever();
    } finally {
      future.removeDoneCallback(stopper);
    }
    if (!future.isDone()) {
      throw new IllegalStateException("Event loop stopped before Future completed.");
    }
  }

  /** One iteration, as {@code _run_once}: wait for the first timer if idle, then run one batch. */
  void runOnce() {
    long first = scheduled.firstWhen(); // drops cancelled timers from the front
    if (ready.isEmpty() && !stopping) {
      if (scheduled.isEmpty()) {
        // CPython would block in select() forever; no workflow can get here.
        throw new IllegalStateException("event loop idle with no timer: it would block forever");
      }
      clock.waitUntil(first);
    }
    long endTime = time() + 1; // _clock_resolution is 1 ns on the reference loop
    scheduled.moveDue(endTime, ready, tieOrder, tie);
    for (int n = ready.size(); n > 0; n--) {
      ready.runFirst();
    }
  }
}
