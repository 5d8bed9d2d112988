package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Mutated valid workflows (keys deleted, duplicated, retyped, renamed; lists changed; bytes
 * truncated, garbled, lines dropped or repeated; hostile values: 600-deep lists, 15,000-character
 * names, control characters, alias towers) never make the reader throw or hang: every outcome is
 * a workflow or positioned diagnostics that print safely on a terminal, and everything the
 * schema finds the reader finds too. Seeds are fixed (base + index) so that a failure repeats; a failing case is shrunk
 * line by line and written to target/property-failures/.
 */
class MutationPropertyTest {
  static final long BASE_SEED = Long.getLong("aiosim.propertySeed", 20_241_125L);
  static final int CASES = Integer.getInteger("aiosim.propertyCases", 2_000);

  @TestFactory
  Stream<DynamicTest> mutatedWorkflowsGiveDiagnosticsNeverExceptions() {
    return LongStream.range(0, CASES)
        .mapToObj(k -> BASE_SEED + k)
        .map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> runCase(seed)));
  }

  @TestFactory
  Stream<DynamicTest> unmutatedWorkflowsAreValid() {
    return LongStream.range(0, 200)
        .mapToObj(k -> BASE_SEED + k)
        .map(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      String text = WorkflowGen.yaml(new WorkflowGen(seed).workflow());
                      WorkflowReader.Loaded loaded = WorkflowReader.read("gen.yaml", text);
                      assertThat(loaded.diagnostics()).as(text).isEmpty();
                    }));
  }

  static byte[] generate(long seed) {
    WorkflowGen gen = new WorkflowGen(seed);
    WorkflowGen.Map wf = gen.workflow();
    int treeMutations = gen.nextInt(3);
    for (int k = 0; k < treeMutations; k++) gen.mutateTree(wf);
    byte[] bytes = WorkflowGen.yaml(wf).getBytes(StandardCharsets.UTF_8);
    int byteMutations = treeMutations == 0 ? 1 + gen.nextInt(2) : gen.nextInt(2);
    for (int k = 0; k < byteMutations; k++) bytes = gen.mutateBytes(bytes);
    return bytes;
  }

  private static void runCase(long seed) throws IOException {
    byte[] input = generate(seed);
    AssertionError failure = failure(input);
    if (failure == null) return;
    byte[] small = shrink(input);
    Path dir = Path.of("target", "property-failures");
    Files.createDirectories(dir);
    Path out = dir.resolve("seed-" + seed + ".yaml");
    Files.write(out, small);
    System.out.println("property failure, seed " + seed + ", shrunk to " + out + ":\n"
        + new String(small, StandardCharsets.UTF_8));
    throw new AssertionError("seed " + seed + " (shrunk case in " + out + "): " + failure(small).getMessage(), failure);
  }

  /** What is wrong with reading {@code input}, or null when all is well. */
  static AssertionError failure(byte[] input) {
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> check(input));
      return null;
    } catch (AssertionError e) {
      return e;
    } catch (RuntimeException | StackOverflowError e) {
      return new AssertionError("threw " + e, e);
    }
  }

  private static void check(byte[] input) {
    int lines = 1;
    for (byte b : input) if (b == '\n') lines++;
    List<Diagnostic> schemaOnly = new ArrayList<>();
    WorkflowReader.Loaded loaded = WorkflowReader.read("m.yaml", input, Limits.DEFAULT, schemaOnly);
    String source = new String(input, StandardCharsets.UTF_8);
    for (Diagnostic d : loaded.diagnostics()) {
      assertThat(d.position().file()).isEqualTo("m.yaml");
      assertThat(d.position().line()).as(d.toString()).isBetween(1, lines);
      assertThat(d.position().column()).as(d.toString()).isPositive();
      assertThat(d.message()).isNotBlank();
      // What reaches the terminal: three lines, no control character, a bounded echo.
      String[] rendered = d.render(source).split("\n", -1);
      assertThat(rendered.length).as(d.toString()).isIn(1, 3);
      for (String line : rendered) {
        assertThat(line.length()).as(d.toString()).isLessThanOrEqualTo(2 * Diagnostic.ECHO_WIDTH + 1000);
        assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e)).as(d.toString()).isEmpty();
      }
    }
    assertThat(schemaOnly).as("problems only the schema saw").isEmpty();
  }

  static byte[] shrink(byte[] input) {
    return shrink(input, b -> failure(b) != null);
  }

  /** Drops lines, then single bytes, while the failure persists (a small delta debugger). */
  static byte[] shrink(byte[] input, Predicate<byte[]> fails) {
    String s = new String(input, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>(List.of(s.split("(?<=\n)")));
    for (int k = lines.size() - 1; k >= 0; k--) {
      List<String> fewer = new ArrayList<>(lines);
      fewer.remove(k);
      if (fails.test(join(fewer))) lines = fewer;
    }
    byte[] cur = join(lines);
    for (int k = cur.length - 1; k >= 0; k--) {
      byte[] next = new byte[cur.length - 1];
      System.arraycopy(cur, 0, next, 0, k);
      System.arraycopy(cur, k + 1, next, k, cur.length - k - 1);
      if (fails.test(next)) cur = next;
    }
    return cur;
  }

  private static byte[] join(List<String> lines) {
    return String.join("", lines).getBytes(StandardCharsets.ISO_8859_1);
  }
}
