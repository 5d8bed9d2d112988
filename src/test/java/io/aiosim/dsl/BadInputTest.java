package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of bad inputs: each file under {@code dsl/bad/} opens with its expected diagnostics
 * as {@code # expect: line:col: message} lines (jlox's {@code // expect:}). Each must give
 * exactly those, come from the reader's own checks (not only from the schema), and make
 * {@code validate} exit 2 with positioned messages and no stack trace.
 */
class BadInputTest {

  static List<Path> badFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(BadInputTest.class.getResource("/dsl/bad").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static List<String> expected(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    byte[] bytes = Files.readAllBytes(file);
    for (String line : new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)) {
      if (!line.startsWith("# expect: ")) break;
      out.add(line.substring("# expect: ".length()));
    }
    return out;
  }

  @Test
  void theTableIsLargeEnough() throws Exception {
    assertThat(badFiles()).hasSizeGreaterThanOrEqualTo(60);
  }

  @TestFactory
  Stream<DynamicTest> eachBadInputGivesExactlyItsDiagnostics() throws Exception {
    return badFiles().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      List<String> want = expected(f);
                      assertThat(want).as("the file names its expected diagnostics").isNotEmpty();
                      WorkflowReader.Loaded loaded = WorkflowReader.read(f);
                      assertThat(loaded.workflow()).isNull();
                      List<String> got = new ArrayList<>();
                      for (Diagnostic d : loaded.diagnostics()) {
                        assertThat(d.position().file()).isEqualTo(f.toString());
                        got.add(d.position().line() + ":" + d.position().column() + ": " + d.message());
                      }
                      assertThat(got).containsExactlyElementsOf(want);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> theReaderSeesEverythingTheSchemaSees() throws Exception {
    return badFiles().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                      List<Diagnostic> schemaOnly = new ArrayList<>();
                      WorkflowReader.read("x.yaml", text, Limits.DEFAULT, schemaOnly);
                      assertThat(schemaOnly).isEmpty();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> validateExitsTwoWithPositionsAndCarets() throws Exception {
    return badFiles().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      StringWriter out = new StringWriter();
                      StringWriter err = new StringWriter();
                      int code =
                          Main.execute(
                              new String[] {"validate", f.toString()},
                              new PrintWriter(out),
                              new PrintWriter(err));
                      assertThat(code).isEqualTo(2);
                      assertThat(out.toString()).isEmpty();
                      String[] lines = err.toString().split("\n");
                      int heads = 0;
                      for (String line : lines) {
                        if (line.startsWith(f + ":")) heads++;
                        assertThat(line).doesNotContain("Exception").doesNotContain("\tat ");
                      }
                      assertThat(heads).isEqualTo(expected(f).size());
                      assertThat(lines[0]).matches("\\Q" + f + "\\E:\\d+:\\d+: .+");
                    }));
  }

  @Test
  void aFileOverTheSizeBoundIsRefusedBeforeItIsRead() throws IOException {
    Path f = Files.createTempFile("big", ".yaml");
    try {
      Files.writeString(f, "version: 1\n" + "#".repeat(5000) + "\n");
      Limits small = new Limits(1024, 100, 1000, 10_000_000, 100_000);
      WorkflowReader.Loaded loaded = WorkflowReader.read(f, small);
      assertThat(loaded.diagnostics())
          .extracting(Diagnostic::toString)
          .containsExactly(f + ":1:1: the file is too large: 5012 bytes, at most 1024 bytes are allowed");
      assertThat(WorkflowReader.read("t.yaml", Files.readString(f), small).diagnostics())
          .extracting(Diagnostic::toString)
          .containsExactly("t.yaml:1:1: the file is too large: 5012 bytes, at most 1024 bytes are allowed");
    } finally {
      Files.delete(f);
    }
  }

  @Test
  void aMissingFileIsADiagnostic() {
    WorkflowReader.Loaded loaded = WorkflowReader.read(Path.of("no/such/file.yaml"));
    assertThat(loaded.diagnostics()).hasSize(1);
    assertThat(loaded.diagnostics().get(0).toString())
        .startsWith("no/such/file.yaml:1:1: cannot read the file");
  }

  @Test
  void theTaskLimitIsSettable() {
    String text = "version: 1\nstrategy: {kind: gather}\ntasks:\n  - {name: \"w{i}\", count: 11}\n";
    assertThat(WorkflowReader.read("c.yaml", text).diagnostics()).isEmpty();
    assertThat(WorkflowReader.read("c.yaml", text, Limits.DEFAULT.withMaxTasks(10)).diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("c.yaml:4:27: count: 11 is more than the limit of 10 tasks");
  }
}
