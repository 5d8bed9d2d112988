package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.aiosim.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole tool against mutants of the seed and conformance workflows (WorkflowGen's byte
 * mutations, hostile ones included), in process through {@link Main#execute} on standard input:
 * every run, validate, text and timeline command ends with exit 0 or 2, never a trace, an
 * internal error or a hang; an exit 2 starts with a position; nothing raw reaches the terminal.
 * Seeds are fixed (base + index); a failing mutant is shrunk and written to target/fuzz-failures/.
 */
class MutationFuzzTest {
  static final long BASE_SEED = Long.getLong("aiosim.fuzzSeed", 19_000_000L);
  static final int CASES = Integer.getInteger("aiosim.fuzzCases", 5_000);
  /** A generous hang guard for one command, never a speed assertion. */
  static final Duration HANG_GUARD = Duration.ofSeconds(60);

  static final List<Path> WORKFLOWS = workflows();
  static final String[][] COMMANDS = {
    {"run", "-"},
    {"run", "--format", "text", "-"},
    {"run", "--format", "timeline", "--width", "60", "-"},
    {"run", "--format", "jsonl", "--no-events", "-"},
    {"validate", "-"},
  };

  private static List<Path> workflows() {
    try (Stream<Path> s = Stream.of("workflows/seed", "workflows/conformance").map(Path::of).flatMap(MutationFuzzTest::list)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static Stream<Path> list(Path dir) {
    try {
      return Files.list(dir).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> mutantsNeverCrashHangOrPrintRawControls() {
    assertThat(WORKFLOWS).hasSizeGreaterThan(100);
    return LongStream.range(0, CASES)
        .mapToObj(k -> BASE_SEED + k)
        .map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> runCase(seed)));
  }

  /** One mutant: a workflow, one to three byte mutations, and the command to run it with. */
  record Mutant(byte[] input, String[] command) {}

  static Mutant mutant(long seed) throws IOException {
    WorkflowGen gen = new WorkflowGen(seed);
    byte[] bytes = Files.readAllBytes(WORKFLOWS.get(gen.nextInt(WORKFLOWS.size())));
    for (int k = 1 + gen.nextInt(3); k > 0; k--) bytes = gen.mutateBytes(bytes);
    return new Mutant(bytes, COMMANDS[gen.nextInt(COMMANDS.length)]);
  }

  private static void runCase(long seed) throws IOException {
    Mutant m = mutant(seed);
    String failure = failure(m.input(), m.command());
    if (failure == null) return;
    // Shrink while the same kind of failure persists (its text up to the first colon).
    String kind = failure.substring(0, failure.indexOf(':') + 1);
    byte[] small = MutationPropertyTest.shrink(m.input(), b -> {
      String f = failure(b, m.command());
      return f != null && f.startsWith(kind);
    });
    Path dir = Path.of("target", "fuzz-failures");
    Files.createDirectories(dir);
    Path out = dir.resolve("seed-" + seed + ".yaml");
    Files.write(out, small);
    throw new AssertionError("seed " + seed + ", aiosim " + String.join(" ", m.command()) + " < " + out + ": "
        + failure(small, m.command()));
  }

  /** What is wrong with running {@code command} on {@code input}, or null when all is well. */
  static String failure(byte[] input, String[] command) {
    // A mutant that grows a count past what a quick run allows is only validated.
    WorkflowReader.Loaded loaded = WorkflowReader.read("<stdin>", new ByteArrayInputStream(input), Limits.DEFAULT);
    String[] args = loaded.cost().tasks() > 10_000 ? new String[] {"validate", "-"} : command;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status;
    try {
      status =
          assertTimeoutPreemptively(
              HANG_GUARD,
              () -> Main.execute(args, new ByteArrayInputStream(input), new PrintWriter(out), new PrintWriter(err)));
    } catch (AssertionError | RuntimeException e) {
      return "hung or threw: " + e;
    }
    String e = err.toString();
    if (status != 0 && status != 2) return "exit " + status + ": " + e;
    if (e.contains("\tat ") || e.contains("aiosim: internal error") || e.contains("Exception in thread")) {
      return "a trace: " + e;
    }
    if (status == 2 && !e.matches("(?s)<stdin>:\\d+:\\d+: .*")) return "exit 2 without a position: " + e;
    if (status == 0 && loaded.workflow() == null) return "exit 0 for an invalid workflow";
    if (status == 2 && loaded.workflow() != null) return "exit 2 for a valid workflow: " + e;
    boolean terminal = args[1].equals("--format") && !args[2].equals("jsonl");
    for (String text : terminal ? List.of(e, out.toString()) : List.of(e)) {
      if (text.chars().anyMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x202e)) {
        return "a raw control character in: " + text;
      }
    }
    return null;
  }

  /** The mutants are what the fuzz claims: many distinct inputs, valid and invalid ones. */
  @TestFactory
  Stream<DynamicTest> theMutantsAreVaried() {
    return Stream.of(
        DynamicTest.dynamicTest(
            "first 300",
            () -> {
              int invalid = 0;
              java.util.Set<String> distinct = new java.util.HashSet<>();
              for (long k = 0; k < 300; k++) {
                Mutant m = mutant(BASE_SEED + k);
                distinct.add(new String(m.input(), StandardCharsets.ISO_8859_1));
                if (WorkflowReader.read("m.yaml", m.input(), Limits.DEFAULT).workflow() == null) invalid++;
              }
              assertThat(distinct).hasSizeGreaterThan(290);
              assertThat(invalid).isBetween(60, 290);
            }));
  }
}
