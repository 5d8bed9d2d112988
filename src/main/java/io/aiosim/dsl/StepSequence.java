package io.aiosim.dsl;

/**
 * Steps read one at a time, as the interpreter runs them: a task's body ({@link TaskSpec}) or an
 * on_cancel block ({@link OnCancel}). A counted copy's steps may be made when asked for rather
 * than kept (TaskSpec), so callers read each step once, in order, and keep none.
 */
public interface StepSequence {
  int stepCount();

  Step step(int k);
}
