package io.aiosim.engine;

/** A callback given to {@link Future#addDoneCallback}; removal compares identity. */
@FunctionalInterface
public interface DoneCallback {
  void onDone(Future future);
}
