package io.aiosim.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.aiosim.dsl.Workflow;
import io.aiosim.export.PythonExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential tests: the runner's report equals CPython 3.12's report of the exported
 * program, every field and every event in order. For every workflow under {@code workflows/},
 * and for seeded random workflows (a mismatch is shrunk and written under {@code target/}).
 * Corpus goldens ({@code workflows/conformance/NAME.golden.json}) are CPython's reports;
 * {@code -Dconformance.update=true} rewrites them.
 */
class ConformanceTest {
  static final Path WORKFLOWS = Path.of("workflows");
  static final Path CORPUS = WORKFLOWS.resolve("conformance");
  static final Path TARGET = Path.of("target", "conformance");
  private static final int CASES = Integer.getInteger("conformance.cases", 500);
  private static final long SEED = Long.getLong("conformance.seed", 357_842_771L);
  private static final boolean UPDATE = Boolean.getBoolean("conformance.update");

  private static Python python;
  private static final AtomicInteger compared = new AtomicInteger();
  private static final AtomicInteger identical = new AtomicInteger();
  private static final AtomicInteger cpythonRuns = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> everyWorkflowFile() throws IOException {
    return workflowFiles().stream()
        .map(file -> DynamicTest.dynamicTest(WORKFLOWS.relativize(file).toString(), () -> checkFile(file)));
  }

  @TestFactory
  Stream<DynamicTest> randomWorkflows() {
    return Stream.iterate(SEED, s -> s + 1)
        .limit(CASES)
        .map(seed -> DynamicTest.dynamicTest("seed=" + seed, () -> checkRandom(seed)));
  }

  @AfterAll
  static void conformanceLine() {
    if (python != null) {
      python.close();
    }
    System.out.printf(
        "conformance: %d/%d identical (CPython 3.12 ran %d programs; random seeds from %d)%n",
        identical.get(), compared.get(), cpythonRuns.get(), SEED);
  }

  private static void checkFile(Path file) throws IOException {
    Workflow wf = Workflows.load(file);
    String cpython = cpython(file.getFileName().toString(), wf);
    if (file.startsWith(CORPUS)) {
      Path golden = Workflows.golden(file);
      if (UPDATE) {
        writeAtomically(golden, cpython);
      } else {
        assertTrue(Files.exists(golden), "no golden " + golden + ": run with -Dconformance.update=true");
        String expected = Files.readString(golden);
        if (!expected.equals(cpython)) {
          fail("CPython's report differs from " + golden + " (-Dconformance.update=true rewrites it)\n"
              + ReportDiff.describe(expected, cpython, "golden", "CPython"));
        }
      }
    }
    compare(file, cpython);
  }

  private static void checkRandom(long seed) throws IOException {
    Workflow generated = RandomWorkflows.generate(seed);
    Path file = TARGET.resolve("random").resolve(generated.name() + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, WorkflowYaml.write(generated));
    Workflow wf = Workflows.load(file);
    String cpython = cpython(generated.name(), wf);
    String mismatch = counted(mismatch(file, cpython));
    if (mismatch == null) {
      Files.delete(file);
      return;
    }
    Workflow small =
        Shrinker.shrink(wf, candidate -> mismatchOf(candidate, generated.name() + "-try") != null, 300);
    Path shrunk = TARGET.resolve("shrunk").resolve(generated.name() + ".yaml");
    Files.createDirectories(shrunk.getParent());
    String yaml = WorkflowYaml.write(small);
    Files.writeString(shrunk, yaml);
    String smallDiff = mismatchOf(small, generated.name() + "-shrunk");
    System.out.println("conformance: mismatch for seed " + seed + ", shrunk to " + shrunk + ":\n" + yaml);
    fail("runner and CPython differ for seed " + seed + "; shrunk case " + shrunk + ":\n" + yaml + "\n"
        + (smallDiff != null ? smallDiff : mismatch));
  }

  /** The mismatch for a workflow model written to a scratch file, or null when identical. */
  private static String mismatchOf(Workflow wf, String name) {
    try {
      Path file = TARGET.resolve("scratch").resolve(name + ".yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, WorkflowYaml.write(wf));
      return mismatch(file, cpython(name, Workflows.load(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compare(Path file, String cpython) {
    String mismatch = counted(mismatch(file, cpython));
    if (mismatch != null) {
      fail("runner and CPython differ for " + file + "\n" + mismatch);
    }
  }

  /** Counts one differential case (shrinking tries are not cases). */
  private static String counted(String mismatch) {
    compared.incrementAndGet();
    if (mismatch == null) {
      identical.incrementAndGet();
    }
    return mismatch;
  }

  /** Null when the runner's report equals {@code cpython}, else where they part. */
  private static String mismatch(Path file, String cpython) {
    String runner = Runner.report(Workflows.load(file));
    if (runner.equals(cpython)) {
      return null;
    }
    return ReportDiff.describe(cpython, runner, "CPython 3.12", "runner");
  }

  static String cpython(String name, Workflow wf) {
    cpythonRuns.incrementAndGet();
    return python().run(name, PythonExporter.export(wf));
  }

  private static synchronized Python python() {
    if (python == null) {
      python =
          Python.find(12, TARGET.resolve("py312"))
              .orElseGet(() -> {
                Assumptions.abort("no CPython 3.12 found (python3.12 on PATH, or under pyenv)");
                return null;
              });
    }
    return python;
  }

  static List<Path> workflowFiles() throws IOException {
    try (Stream<Path> s = Files.walk(WORKFLOWS)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
