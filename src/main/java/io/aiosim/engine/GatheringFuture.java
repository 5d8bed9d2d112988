package io.aiosim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors asyncio/tasks.py gather() and _GatheringFuture (3.12). Without return_exceptions the
 * first error (or a child's cancellation) finishes the outer future at once and the other
 * children keep running: gather never cancels its siblings. With return_exceptions the result
 * list holds the exception objects ({@link PyException}) in place of results.
 */
public final class GatheringFuture extends Future {
  private final List<Task> children;
  private final boolean returnExceptions;
  private boolean cancelRequested;
  private int nfinished;

  /** {@code gather(*children, return_exceptions=...)} over tasks that are not done yet. */
  public GatheringFuture(EventLoop loop, List<Task> children, boolean returnExceptions) {
    super(loop);
    this.children = children;
    this.returnExceptions = returnExceptions;
    DoneCallback cb = this::onChildDone;
    for (Task child : children) {
      if (child.isDone()) {
        throw new IllegalStateException("gather over a finished task: " + child);
      }
      child.addDoneCallback(cb);
    }
  }

  /**
   * {@code _GatheringFuture.cancel()}: cancels every child (passing on {@code by}'s cancel); the
   * outer future is not marked cancelled here. If any child was actually cancelled, the
   * cancellation propagates regardless of return_exceptions (bpo-32684).
   */
  @Override
  public boolean cancel(Requester by) {
    if (isDone()) {
      return false;
    }
    boolean ret = false;
    for (Task child : children) {
      if (child.cancel(by)) {
        ret = true;
      }
    }
    if (ret) {
      cancelRequested = true;
    }
    return ret;
  }

  @Override
  String pyClassName() {
    return "_GatheringFuture";
  }

  /** gather()'s {@code _done_callback}. */
  private void onChildDone(Future fut) {
    nfinished++;
    if (isDone()) {
      if (!fut.isCancelled()) {
        fut.exception(); // mark the exception retrieved
      }
      return;
    }
    if (!returnExceptions) {
      if (fut.isCancelled()) {
        setException(fut.makeCancelledError());
        return;
      }
      PyException exc = fut.exception();
      if (exc != null) {
        setException(exc);
        return;
      }
    }
    if (nfinished == children.size()) {
      List<Object> results = new ArrayList<>(children.size());
      for (Task child : children) {
        if (child.isCancelled()) {
          // A new CancelledError with the cancel message (always None here), not the child's own
          // (SPEC 2).
          results.add(PyException.cancelledError(null));
        } else {
          PyException exc = child.exception();
          results.add(exc != null ? exc : child.result());
        }
      }
      if (cancelRequested) {
        // If gather is being cancelled we must propagate the cancellation regardless of
        // return_exceptions (bpo-32684). CPython makes it from the last child to finish.
        setException(fut.makeCancelledError());
      } else {
        setResult(results);
      }
    }
  }
}
