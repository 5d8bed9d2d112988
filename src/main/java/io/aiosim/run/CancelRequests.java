package io.aiosim.run;

import io.aiosim.engine.Requester;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's outstanding cancel requests, oldest first, as the Recorder keeps them: null, one
 * {@link Request}, or an ArrayList of them. Most tasks have none or one, and a million tasks keep
 * no list each.
 */
final class CancelRequests {
  /** A {@code cancel()} that was accepted: who asked, and the cause that SPEC 6 gives it. */
  record Request(Requester by, CancelCause cause) {}

  private CancelRequests() {}

  static Object appended(Object list, Request r) {
    if (list == null) {
      return r;
    }
    @SuppressWarnings("unchecked")
    ArrayList<Request> l = list instanceof ArrayList<?> a ? (ArrayList<Request>) a : new ArrayList<>(List.of((Request) list));
    l.add(r);
    return l;
  }

  static Request earliest(Object list) {
    if (list instanceof Request r) {
      return r;
    }
    return list instanceof ArrayList<?> l && !l.isEmpty() ? (Request) l.get(0) : null;
  }

  /** The latest request, which {@link #withoutLatest} withdraws. */
  static Request latest(Object list) {
    if (list instanceof Request r) {
      return r;
    }
    if (list instanceof ArrayList<?> l && !l.isEmpty()) {
      return (Request) l.get(l.size() - 1);
    }
    throw new IllegalStateException("uncancel() of a task with no cancel request outstanding");
  }

  /** Withdraws the latest request (3.13's TaskGroup re-cancel: it is made again). */
  static Object withoutLatest(Object list) {
    if (list instanceof ArrayList<?> l) {
      l.remove(l.size() - 1);
      return list;
    }
    return null;
  }

  /** Withdraws the request {@code by} made (the oldest of its own). */
  static Object withdrawn(Object list, Requester by) {
    if (list instanceof Request r) {
      return r.by() == by ? null : list;
    }
    if (list instanceof ArrayList<?> l) {
      for (int k = 0; k < l.size(); k++) {
        if (((Request) l.get(k)).by() == by) {
          l.remove(k);
          break;
        }
      }
    }
    return list;
  }
}
