package io.aiosim.dsl;

import java.util.List;

/**
 * {@code try: body except CancelledError: <steps>; raise} (or {@code return result} when
 * {@code suppress}).
 */
public record OnCancel(List<Step> steps, boolean suppress, Object result) {
  public OnCancel {
    steps = List.copyOf(steps);
  }
}
