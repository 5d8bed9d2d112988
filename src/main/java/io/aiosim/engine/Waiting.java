package io.aiosim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors asyncio/tasks.py wait() and _wait() (3.12): {@code done, pending = await
 * asyncio.wait(fs, timeout=T, return_when=W)}. It never cancels anything. FIRST_EXCEPTION calls
 * {@code f.exception()} (retrieving it) only while other tasks are still unfinished: the last one
 * short-circuits on the counter, and the callbacks are removed when wait returns (SPEC 6).
 * CPython returns sets; here both lists keep the order of {@code fs}.
 */
public final class Waiting extends Frame {
  /** asyncio's constants. */
  public enum ReturnWhen {
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION
  }

  /** The two sets wait() returns, each in the order of {@code fs}. */
  public record Result(List<Task> done, List<Task> pending) {}

  private final EventLoop loop;
  private final List<Task> fs;
  private final Long timeout;
  private final ReturnWhen returnWhen;
  private final DoneCallback onCompletion = this::onCompletion;
  private Future waiter;
  private TimerHandle timeoutHandle;
  private int counter;

  /** {@code asyncio.wait(fs, timeout=timeout, return_when=returnWhen)}; timeout in ns or null. */
  public Waiting(EventLoop loop, List<Task> fs, Long timeout, ReturnWhen returnWhen) {
    if (fs.isEmpty()) {
      throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
    }
    this.loop = loop;
    this.fs = fs;
    this.timeout = timeout;
    this.returnWhen = returnWhen;
  }

  @Override
  protected Signal advance(Object value, PyException exc) {
    if (waiter == null) {
      if (exc != null) {
        throw exc;
      }
      waiter = loop.createFuture();
      if (timeout != null) {
        timeoutHandle = loop.callLater(timeout, "_release_waiter", this::releaseWaiter);
      }
      counter = fs.size();
      for (Task f : fs) {
        f.addDoneCallback(onCompletion);
      }
      return await(waiter);
    }
    // finally: cancel the timeout and unhook from every task
    if (timeoutHandle != null) {
      timeoutHandle.cancel();
    }
    for (Task f : fs) {
      f.removeDoneCallback(onCompletion);
    }
    if (exc != null) {
      throw exc;
    }
    List<Task> done = new ArrayList<>();
    List<Task> pending = new ArrayList<>();
    for (Task f : fs) {
      (f.isDone() ? done : pending).add(f);
    }
    return done(new Result(done, pending));
  }

  /** {@code _release_waiter}. */
  private void releaseWaiter() {
    if (!waiter.isDone()) {
      waiter.setResult(null);
    }
  }

  private void onCompletion(Future f) {
    counter--;
    if (counter <= 0
        || returnWhen == ReturnWhen.FIRST_COMPLETED
        || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.isCancelled() && f.exception() != null)) {
      if (timeoutHandle != null) {
        timeoutHandle.cancel();
      }
      if (!waiter.isDone()) {
        waiter.setResult(null);
      }
    }
  }
}
