package io.aiosim.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.aiosim.dsl.PythonVersion;
import io.aiosim.dsl.Workflow;
import io.aiosim.export.PythonExporter;
import io.aiosim.golden.GoldenCompare;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential tests, for each supported Python version against that real interpreter: the
 * runner's report equals CPython's report of the exported program, every field and every event
 * in order. For every workflow under {@code workflows/}, and for seeded random workflows (a
 * mismatch is shrunk and written under {@code target/}). Corpus goldens are CPython's reports:
 * {@code workflows/conformance/NAME.golden.json} the reference version's, and {@code
 * NAME.3.13.golden.json} another version's where it differs (absent: the same but for the
 * {@code python} key); {@code -Dconformance.update=true} rewrites them. Each version's programs
 * run on its own interpreter thread, so the versions overlap ({@link Oracle}).
 */
class ConformanceTest {
  static final Path WORKFLOWS = Path.of("workflows");
  static final Path CORPUS = WORKFLOWS.resolve("conformance");
  static final Path TARGET = Path.of("target", "conformance");
  /** Random cases under the default version; the others get fewer, to keep the build short. */
  private static final int CASES = Integer.getInteger("conformance.cases", 500);
  private static final int OTHER_CASES = Integer.getInteger("conformance.otherCases", Math.min(CASES, 200));
  private static final long SEED = Long.getLong("conformance.seed", 357_842_771L);
  private static final boolean UPDATE = Boolean.getBoolean("conformance.update");

  private static final Map<PythonVersion, Oracle> oracles = new EnumMap<>(PythonVersion.class);

  @TestFactory
  Stream<DynamicContainer> everyWorkflowFile() throws IOException {
    List<Path> files = workflowFiles();
    return versions()
        .map(v -> {
          Oracle oracle = oracle(v);
          List<Future<String>> reports =
              files.stream().map(f -> oracle.submit(name(f), PythonExporter.export(Workflows.load(f), v))).toList();
          return DynamicContainer.dynamicContainer(
              "python " + v,
              IntStream.range(0, files.size())
                  .mapToObj(i -> DynamicTest.dynamicTest(
                      WORKFLOWS.relativize(files.get(i)).toString(),
                      () -> checkFile(oracle, files.get(i), reports.get(i)))));
        })
        .toList() // every version's programs queued before the first test runs
        .stream();
  }

  @TestFactory
  Stream<DynamicContainer> randomWorkflows() {
    return versions()
        .map(v -> {
          Oracle oracle = oracle(v);
          int cases = v == PythonVersion.DEFAULT ? CASES : OTHER_CASES;
          List<Long> seeds = Stream.iterate(SEED, s -> s + 1).limit(cases).toList();
          List<Future<String>> reports =
              seeds.stream()
                  .map(seed -> {
                    Workflow wf = random(seed);
                    return oracle.submit(wf.name(), PythonExporter.export(wf, v));
                  })
                  .toList();
          return DynamicContainer.dynamicContainer(
              "python " + v,
              IntStream.range(0, cases)
                  .mapToObj(i -> DynamicTest.dynamicTest(
                      "seed=" + seeds.get(i), () -> checkRandom(oracle, seeds.get(i), reports.get(i)))));
        })
        .toList() // every version's programs queued before the first test runs
        .stream();
  }

  @AfterAll
  static void conformanceLines() {
    oracles.values().forEach(Oracle::close);
    System.out.printf("conformance: random seeds from %d%n", SEED);
  }

  /** The default version first: its failures are the ones to read first. */
  private static Stream<PythonVersion> versions() {
    return Stream.concat(
        Stream.of(PythonVersion.DEFAULT), Arrays.stream(PythonVersion.values()).filter(v -> v != PythonVersion.DEFAULT));
  }

  private static synchronized Oracle oracle(PythonVersion v) {
    return oracles.computeIfAbsent(v, k -> new Oracle(k, TARGET.resolve("py" + k.key().replace(".", ""))));
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static void checkFile(Oracle oracle, Path file, Future<String> report) throws IOException {
    Workflow wf = Workflows.load(file);
    String cpython = oracle.await(report);
    if (file.startsWith(CORPUS)) {
      checkGolden(oracle.version(), wf, file, cpython);
    }
    String mismatch = oracle.counted(mismatch(oracle.version(), wf, cpython));
    if (mismatch != null) {
      fail("runner and CPython " + oracle.version() + " differ for " + file + "\n" + mismatch);
    }
  }

  /**
   * The corpus golden of this version is CPython's report: {@code NAME.golden.json} for the
   * workflow's own version; for another, {@code NAME.3.13.golden.json}, which exists only where
   * that version's report differs from the own golden beyond the {@code python} key.
   */
  private static void checkGolden(PythonVersion v, Workflow wf, Path file, String cpython) throws IOException {
    Path own = Workflows.golden(file, null);
    Path golden = v == wf.pythonOr(null) ? own : Workflows.golden(file, v);
    if (UPDATE) {
      if (golden == own || !Files.exists(own) || !GoldenCompare.asPython(Files.readString(own), v.key()).equals(cpython)) {
        writeAtomically(golden, cpython);
      } else {
        Files.deleteIfExists(golden); // the same as the own golden: no file needed
      }
      return;
    }
    Path expectedFile = Files.exists(golden) ? golden : own;
    assertTrue(Files.exists(expectedFile), "no golden " + golden + ": run with -Dconformance.update=true");
    String expected = Files.readString(expectedFile);
    if (expectedFile != golden) {
      expected = GoldenCompare.asPython(expected, v.key());
    }
    if (!expected.equals(cpython)) {
      fail("CPython " + v + "'s report differs from " + expectedFile + " (-Dconformance.update=true rewrites it)\n"
          + ReportDiff.describe(expected, cpython, "golden", "CPython"));
    }
  }

  private static void checkRandom(Oracle oracle, long seed, Future<String> report) throws IOException {
    PythonVersion v = oracle.version();
    Workflow generated = random(seed);
    String cpython = oracle.await(report);
    String mismatch = oracle.counted(mismatch(v, generated, cpython));
    if (mismatch == null) {
      return;
    }
    Path file = TARGET.resolve("random").resolve(generated.name() + "-" + v.key() + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml(generated, v));
    Workflow small =
        Shrinker.shrink(generated, candidate -> mismatchOf(oracle, candidate, generated.name() + "-try") != null, 300);
    Path shrunk = TARGET.resolve("shrunk").resolve(generated.name() + "-" + v.key() + ".yaml");
    Files.createDirectories(shrunk.getParent());
    String yaml = yaml(small, v);
    Files.writeString(shrunk, yaml);
    String smallDiff = mismatchOf(oracle, small, generated.name() + "-shrunk");
    System.out.println("conformance: python " + v + ": mismatch for seed " + seed + ", shrunk to " + shrunk + ":\n" + yaml);
    fail("runner and CPython " + v + " differ for seed " + seed + "; shrunk case " + shrunk + ":\n" + yaml + "\n"
        + (smallDiff != null ? smallDiff : mismatch));
  }

  /** The generated workflow as its file reads: the YAML writer is under test too. */
  private static Workflow random(long seed) {
    Workflow generated = RandomWorkflows.generate(seed);
    return Workflows.parse(generated.name() + ".yaml", WorkflowYaml.write(generated));
  }

  /** The workflow as a file that reproduces the case: it pins the version when not the default. */
  private static String yaml(Workflow wf, PythonVersion v) {
    String text = WorkflowYaml.write(wf);
    return v == PythonVersion.DEFAULT ? text : text.replaceFirst("\n", "\npython: \"" + v.key() + "\"\n");
  }

  /** The mismatch for a workflow model, run now on the version's interpreter, or null when identical. */
  private static String mismatchOf(Oracle oracle, Workflow wf, String name) {
    try {
      Path file = TARGET.resolve("scratch").resolve(name + ".yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, WorkflowYaml.write(wf));
      Workflow loaded = Workflows.load(file);
      return mismatch(oracle.version(), loaded, oracle.run(name, PythonExporter.export(loaded, oracle.version())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Null when the runner's report equals {@code cpython}, else where they part. */
  static String mismatch(PythonVersion v, Workflow wf, String cpython) {
    String runner = Runner.report(wf, v);
    if (runner.equals(cpython)) {
      return null;
    }
    return ReportDiff.describe(cpython, runner, "CPython " + v, "runner");
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
