package io.aiosim.golden;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The ordered parallel batch ({@code run --jobs}, {@code test --jobs}): work runs ahead on {@code
 * jobs} threads, results are handed over strictly in item order, and at most {@code 2 * jobs}
 * finished results wait in memory, however many items there are (and, when the items are
 * weighed, no more than a budget's worth of them).
 */
public final class OrderedBatch {
  private OrderedBatch() {}

  /**
   * Applies {@code work} to every item and gives each result to {@code inOrder}, in item order, on
   * the calling thread. An exception thrown by {@code work} is rethrown here, at its turn.
   */
  public static <T, R> void run(List<T> items, int jobs, Function<T, R> work, Consumer<R> inOrder) {
    run(items, jobs, item -> 0, 0, work, inOrder);
  }

  /**
   * As above, and the items running or waiting weigh at most {@code budget} together (the memory
   * they hold, say); an item heavier than that runs when nothing else does.
   */
  public static <T, R> void run(
      List<T> items, int jobs, ToLongFunction<T> weight, long budget, Function<T, R> work, Consumer<R> inOrder) {
    if (jobs <= 1 || items.size() <= 1) {
      for (T item : items) {
        inOrder.accept(work.apply(item));
      }
      return;
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, items.size()))) {
      Deque<Future<R>> window = new ArrayDeque<>();
      Deque<Long> weights = new ArrayDeque<>();
      long held = 0;
      int next = 0;
      while (next < items.size() || !window.isEmpty()) {
        while (next < items.size()
            && window.size() < 2 * jobs
            && (window.isEmpty() || weight.applyAsLong(items.get(next)) <= budget - held)) {
          T item = items.get(next++);
          long w = weight.applyAsLong(item);
          held += w;
          weights.add(w);
          window.add(pool.submit(() -> work.apply(item)));
        }
        R result = await(window.removeFirst());
        held -= weights.removeFirst();
        inOrder.accept(result);
      }
    }
  }

  private static <R> R await(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) throw error; // out of memory: Main says so in one line
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }
}
