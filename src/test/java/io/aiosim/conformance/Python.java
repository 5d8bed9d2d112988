package io.aiosim.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A CPython interpreter of one minor version, running exported programs through a forking
 * driver (driver.py) so that asyncio is imported once, not once per program.
 */
public final class Python implements AutoCloseable {
  private static final long GUARD_SECONDS = 30;

  private final Path executable;
  private final Path work;
  private Process driver;
  private Writer requests;
  private BufferedReader replies;
  private int runs;

  private Python(Path executable, Path work) {
    this.executable = executable;
    this.work = work;
  }

  /**
   * Finds CPython {@code 3.minor}: {@code python3.minor} on PATH, else under {@code $(pyenv
   * root)/versions} or {@code /root/.pyenv/versions} (COMMON brief).
   */
  public static Optional<Python> find(int minor, Path work) {
    String name = "python3." + minor;
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      candidates.add(Path.of(dir, name));
    }
    String pyenvRoot = System.getenv("PYENV_ROOT");
    for (String root : new String[] {pyenvRoot, System.getProperty("user.home") + "/.pyenv", "/root/.pyenv"}) {
      if (root == null) {
        continue;
      }
      Path versions = Path.of(root, "versions");
      if (Files.isDirectory(versions)) {
        try (Stream<Path> s = Files.list(versions)) {
          s.filter(v -> v.getFileName().toString().startsWith("3." + minor + "."))
              .sorted(Comparator.reverseOrder())
              .forEach(v -> candidates.add(v.resolve("bin/python3")));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return candidates.stream()
        .filter(Files::isExecutable)
        .filter(p -> version(p).startsWith("3." + minor + "."))
        .findFirst()
        .map(p -> new Python(p, work));
  }

  /** {@code 3.13.0}: the interpreter's own version. */
  public String version() {
    return version(executable);
  }

  /** As {@link #find}, or the calling test is aborted (skipped, with the reason printed). */
  public static Python require(int minor, Path work) {
    return find(minor, work)
        .orElseGet(() -> {
          org.junit.jupiter.api.Assumptions.abort("no CPython 3." + minor + " found (python3." + minor + " on PATH, or under pyenv)");
          return null;
        });
  }

  private static String version(Path python) {
    try {
      Process p = new ProcessBuilder(python.toString(), "-c", "import sys; print(sys.version.split()[0])")
          .redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  @Override
  public String toString() {
    return executable.toString();
  }

  /** Runs a program; returns its standard output, or throws with its standard error. */
  public synchronized String run(String name, String program) {
    try {
      Files.createDirectories(work);
      String base = name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + (runs++);
      Path py = work.resolve(base + ".py");
      Path out = work.resolve(base + ".out");
      Path err = work.resolve(base + ".err");
      Files.writeString(py, program);
      int status = request(py + "\t" + out + "\t" + err);
      String stdout = Files.readString(out);
      if (status != 0) {
        throw new IllegalStateException(
            executable + " " + py + " exited " + status + ":\n" + Files.readString(err));
      }
      Files.delete(py);
      Files.delete(out);
      Files.delete(err);
      return stdout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int request(String line) throws IOException {
    if (driver == null) {
      start();
    }
    requests.write(line + "\n");
    requests.flush();
    CompletableFuture<String> reply = CompletableFuture.supplyAsync(this::readReply);
    try {
      String status = reply.get(GUARD_SECONDS, TimeUnit.SECONDS);
      if (status == null) {
        throw new IllegalStateException("the Python driver died");
      }
      return Integer.parseInt(status.strip());
    } catch (TimeoutException e) {
      close();
      throw new IllegalStateException("a program ran over " + GUARD_SECONDS + " s: " + line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private String readReply() {
    try {
      return replies.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void start() throws IOException {
    Path script = work.resolve("driver.py");
    try (InputStream in = Python.class.getResourceAsStream("driver.py")) {
      Files.createDirectories(work);
      Files.write(script, in.readAllBytes());
    }
    driver =
        new ProcessBuilder(executable.toString(), script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    requests = new OutputStreamWriter(driver.getOutputStream(), StandardCharsets.UTF_8);
    replies = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void close() {
    if (driver != null) {
      driver.destroy();
      driver = null;
    }
  }
}
