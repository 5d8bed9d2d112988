package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run FILE...} (with at most one {@code --no-events}) skips picocli's model (PlainRun):
 * it must print the same bytes and exit with the same status as the same command line going
 * through picocli.
 */
class PlainRunTest {
  @TempDir static Path tmp;

  @Test
  void onlyRunWithPlainArgumentsSkipsPicocli() {
    record Row(boolean plain, String... args) {}
    List<Row> rows =
        List.of(
            new Row(true, "run", "a.yaml"),
            new Row(true, "run", "a.yaml", "dir", "b c.yml"),
            new Row(false, "run"),
            new Row(false, "run", "-"),
            new Row(false, "run", "a.yaml", "-"),
            new Row(true, "run", "--no-events", "a.yaml"),
            new Row(true, "run", "a.yaml", "--no-events", "b.yaml"),
            new Row(false, "run", "--no-events"),
            new Row(false, "run", "--no-events", "a.yaml", "--no-events"),
            new Row(false, "run", "--no-event", "a.yaml"),
            new Row(false, "run", "--no-events=true", "a.yaml"),
            new Row(false, "run", "a.yaml", "-h"),
            new Row(false, "run", "a.yaml", "--"),
            new Row(false, "run", "@args.txt"),
            new Row(false, "run", ""),
            new Row(false, "validate", "a.yaml"),
            new Row(false, "test", "a.yaml"),
            new Row(false, "a.yaml"));
    for (Row row : rows) {
      assertThat(PlainRun.matches(row.args())).as(String.join(" ", row.args())).isEqualTo(row.plain());
    }
  }

  @TestFactory
  Stream<DynamicTest> bothWaysPrintTheSameAndExitTheSame() throws IOException {
    Path invalid = Files.writeString(tmp.resolve("invalid.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks:\n  - name: a\n    delay: -1\n");
    Path overflow =
        Files.writeString(
            tmp.resolve("overflow.yaml"),
            "version: 1\nstrategy: {kind: gather}\ntasks:\n  - name: long\n    steps: ["
                + String.join(", ", Collections.nCopies(10, "{sleep: 1e9}")) + "]\n");
    Path warned =
        Files.writeString(
            tmp.resolve("warned.yaml"),
            "version: 1\nstrategy: {kind: gather}\ntasks:\n  - name: a\n    steps: [{return: 1}, {sleep: 1}]\n");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    record Case(String name, String... args) {}
    List<Case> cases =
        List.of(
            new Case("one workflow", "run", "workflows/seed/gather-basic.yaml"),
            new Case("two workflows", "run", "workflows/seed/wait-basic.yaml", "workflows/seed/taskgroup-handle-exception.yaml"),
            new Case("a folder", "run", "workflows/traps"),
            new Case("no such file", "run", tmp.resolve("missing.yaml").toString()),
            new Case("an invalid file among valid ones", "run", "workflows/seed/gather-basic.yaml", invalid.toString()),
            new Case("a run stopped by the clock's bound", "run", overflow.toString()),
            new Case("a warning", "run", warned.toString()),
            new Case("a folder without workflows", "run", empty.toString()),
            new Case("--no-events first", "run", "--no-events", "workflows/seed/gather-basic.yaml"),
            new Case("--no-events among the files", "run", "workflows/seed/wait-basic.yaml", "--no-events", invalid.toString(), "workflows/traps"));
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      assertThat(PlainRun.matches(c.args())).isTrue();
                      Executed plain = Executed.of(c.args(), true);
                      Executed picocli = Executed.of(c.args(), false);
                      assertThat(plain).isEqualTo(picocli);
                    }));
  }

  @Test
  void aStandardOutputThatFailsEndsBothWaysAlike() {
    String[] args = {"run", "workflows/seed/gather-basic.yaml"};
    Supplier<Writer> failing =
        () ->
            new Writer() {
              @Override
              public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("No space left on device");
              }

              @Override
              public void flush() {}

              @Override
              public void close() {}
            };
    Executed plain = Executed.of(args, true, failing);
    Executed picocli = Executed.of(args, false, failing);
    assertThat(plain.status()).isEqualTo(2);
    assertThat(plain.err()).contains("cannot write to standard output");
    assertThat(plain.status()).isEqualTo(picocli.status());
    assertThat(plain.err()).isEqualTo(picocli.err());
  }
}
