package io.aiosim.dsl;

import java.util.List;

/**
 * {@code try: body except CancelledError: <steps>; raise} (or {@code return result} when
 * {@code suppress}).
 */
public record OnCancel(List<Step> steps, boolean suppress, Object result) implements StepSequence {
  public OnCancel {
    steps = List.copyOf(steps);
  }

  @Override
  public int stepCount() {
    return steps.size();
  }

  @Override
  public Step step(int k) {
    return steps.get(k);
  }
}
