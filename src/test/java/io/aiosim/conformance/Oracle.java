package io.aiosim.conformance;

import io.aiosim.dsl.PythonVersion;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/**
 * The real interpreter of one Python version, for the differential tests. Programs queue on a
 * thread of its own, so that each version's interpreter works while the others do (one forking
 * driver each, {@link Python}); it counts what was compared, for one line at the end.
 */
final class Oracle implements AutoCloseable {
  private final PythonVersion version;
  private final Path work;
  private final ExecutorService queue =
      Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cpython-" + r.hashCode());
        t.setDaemon(true);
        return t;
      });
  private Python python;
  private boolean searched;
  private final AtomicInteger compared = new AtomicInteger();
  private final AtomicInteger identical = new AtomicInteger();
  private final AtomicInteger runs = new AtomicInteger();

  Oracle(PythonVersion version, Path work) {
    this.version = version;
    this.work = work;
  }

  PythonVersion version() {
    return version;
  }

  /** Runs the program in the version's queue; its report, or the abort when there is no such interpreter. */
  Future<String> submit(String name, String program) {
    return queue.submit(() -> run(name, program));
  }

  /** Runs the program now (shrinking), beside the queue: {@link Python#run} takes turns. */
  String run(String name, String program) {
    runs.incrementAndGet();
    return python().run(name, program);
  }

  String await(Future<String> report) {
    try {
      return report.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TestAbortedException aborted) {
        throw aborted;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** Counts one differential case (shrinking tries are not cases); returns the mismatch. */
  String counted(String mismatch) {
    compared.incrementAndGet();
    if (mismatch == null) {
      identical.incrementAndGet();
    }
    return mismatch;
  }

  private synchronized Python python() {
    if (!searched) {
      searched = true;
      int minor = Integer.parseInt(version.key().substring(version.key().indexOf('.') + 1));
      python = Python.find(minor, work).orElse(null);
    }
    if (python == null) {
      Assumptions.abort("no CPython " + version + " found (python" + version + " on PATH, or under pyenv): its differential tests are skipped");
    }
    return python;
  }

  @Override
  public synchronized void close() {
    queue.shutdownNow();
    if (python != null) {
      python.close();
      System.out.printf(
          "conformance: python %s: %d/%d identical (CPython %s ran %d programs)%n",
          version, identical.get(), compared.get(), python.version(), runs.get());
    }
  }
}
