package io.aiosim.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import io.aiosim.dsl.PythonVersion;
import io.aiosim.dsl.Workflow;
import io.aiosim.export.PythonExporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential test again, on workflows from a second generator written apart from {@link
 * RandomWorkflows} and in Python (independent_workflows.py): another author's idea of what to
 * try finds what the first one's blind spots hide. CPython 3.12 generates the files; each is
 * read as a user's file would be, run, and compared byte for byte with CPython's report under
 * the default version (or the one {@code conformance.independentPython} names). A mismatch is
 * shrunk and written under {@code target/conformance/independent}.
 */
class IndependentWorkflowsTest {
  private static final int CASES = Integer.getInteger("conformance.independentCases", 150);
  private static final long SEED = Long.getLong("conformance.independentSeed", 20_261_204L);
  private static final Path TARGET = ConformanceTest.TARGET.resolve("independent");
  /** The asyncio compared against; {@code -Dconformance.independentPython=3.13} tries another. */
  private static final PythonVersion V =
      PythonVersion.parse(System.getProperty("conformance.independentPython", PythonVersion.DEFAULT.toString()))
          .orElseThrow(() -> new IllegalArgumentException("conformance.independentPython: one of " + PythonVersion.supported()));
  private static final Oracle oracle = new Oracle(V, TARGET.resolve("py"));

  @TestFactory
  Stream<DynamicTest> independentWorkflows() {
    List<String> texts = generate();
    List<Future<String>> reports =
        IntStream.range(0, texts.size())
            .mapToObj(i -> oracle.submit(name(i), PythonExporter.export(Workflows.parse(name(i) + ".yaml", texts.get(i)), V)))
            .toList();
    return IntStream.range(0, texts.size())
        .mapToObj(i -> DynamicTest.dynamicTest("seed=" + (SEED + i), () -> check(name(i), texts.get(i), reports.get(i))));
  }

  @AfterAll
  static void close() {
    oracle.close();
  }

  private static String name(int i) {
    return "independent-" + (SEED + i);
  }

  /** One workflow per line, from the generator run by the default version's CPython. */
  private static List<String> generate() {
    String program =
        resource("independent_workflows.py")
            + "\nfor s in range(" + SEED + ", " + (SEED + CASES) + "):\n    print(json.dumps(G(s).workflow()))\n";
    List<String> lines = oracle.run("independent-generator", program).lines().toList();
    if (lines.size() != CASES) {
      fail("the generator printed " + lines.size() + " workflows, not " + CASES);
    }
    return lines;
  }

  private static void check(String name, String text, Future<String> report) throws IOException {
    Workflow wf = Workflows.parse(name + ".yaml", text);
    String mismatch = oracle.counted(ConformanceTest.mismatch(V, wf, oracle.await(report)));
    if (mismatch == null) {
      return;
    }
    Files.createDirectories(TARGET);
    Files.writeString(TARGET.resolve(name + ".yaml"), text + "\n");
    Workflow small = Shrinker.shrink(wf, candidate -> mismatchNow(candidate, name + "-try") != null, 300);
    Path shrunk = TARGET.resolve(name + ".shrunk.yaml");
    Files.writeString(shrunk, WorkflowYaml.write(small));
    fail("runner and CPython " + V + " differ for " + name + "; shrunk case " + shrunk + ":\n"
        + WorkflowYaml.write(small) + "\n" + mismatch);
  }

  private static String mismatchNow(Workflow wf, String name) {
    Workflow loaded = Workflows.parse(name + ".yaml", WorkflowYaml.write(wf));
    return ConformanceTest.mismatch(V, loaded, oracle.run(name, PythonExporter.export(loaded, V)));
  }

  private static String resource(String name) {
    try (InputStream in = IndependentWorkflowsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
