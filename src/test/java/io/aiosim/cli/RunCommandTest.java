package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class RunCommandTest {
  private static final String SEED = "workflows/seed/";
  private static final String GATHER = SEED + "gather-handle-exception.yaml";
  private static final String INVALID =
      "version: 1\nstrategy: {kind: gather}\ntasks:\n  - name: a\n    delay: -1\n";

  @TempDir Path tmp;

  private static String golden(String workflow) throws IOException {
    return Files.readString(Path.of(workflow.replace(".yaml", ".golden.json")));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RunCommandTest.class.getResourceAsStream("/cli/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void jsonIsTheGoldenByteForByte() throws IOException {
    Cli r = Cli.run("run", GATHER);
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(golden(GATHER));
  }

  @Test
  void noEventsLeavesOnlyTheEventListOut() throws IOException {
    for (String wf : new String[] {GATHER, SEED + "taskgroup-handle-exception.yaml"}) {
      Cli r = Cli.run("run", "--no-events", wf);
      assertThat(r.status()).isZero();
      String golden = golden(wf);
      int from = golden.indexOf("  \"events\": [\n");
      int to = golden.indexOf("\n  ],\n", from) + "\n  ],\n".length();
      assertThat(from).isPositive();
      assertThat(r.out())
          .isEqualTo(golden.substring(0, from) + "  \"events\": [],\n" + golden.substring(to));
    }
  }

  @Test
  void reportsFollowOneAnotherInArgumentOrder() throws IOException {
    String b = SEED + "wait-basic.yaml";
    assertThat(Cli.run("run", b, GATHER).out()).isEqualTo(golden(b) + golden(GATHER));
  }

  @Test
  void jsonlIsOneParsableReportPerLine() {
    Cli r = Cli.run("run", "--format", "jsonl", SEED);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(18);
    JsonMapper mapper = new JsonMapper();
    assertThat(mapper.readTree(lines.get(0)).get("workflow").asString()).isEqualTo("as-completed-basic");
    assertThat(mapper.readTree(lines.get(17)).get("workflow").asString()).isEqualTo("wait-timeout");
  }

  @Test
  void parallelOutputIsTheSequentialOutput() {
    for (String format : new String[] {"json", "text"}) {
      Cli one = Cli.run("run", "--format", format, SEED);
      Cli three = Cli.run("run", "--format", format, "--jobs", "3", SEED);
      assertThat(three.status()).isZero();
      assertThat(three.out()).isEqualTo(one.out());
    }
  }

  @Test
  void anInvalidInputStopsEverythingAndPrintsEveryDiagnostic() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, INVALID + "after: {sleep: x}\n");
    Cli r = Cli.run("run", GATHER, bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(bad + ":5:12: ").contains("\n    delay: -1\n           ^").contains(bad + ":6:");
  }

  @Test
  void standardInputIsDash() throws IOException {
    Cli r = Cli.runWithInput(Files.readString(Path.of(GATHER)), "run", "-");
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo(golden(GATHER));
    Cli bad = Cli.runWithInput(INVALID, "run", "-");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).startsWith("<stdin>:5:12: ");
  }

  @Test
  void outMirrorsThePathsBelowTheArgumentFolder() throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in.resolve("topic/deeper"));
    Files.copy(Path.of(GATHER), in.resolve("topic/deeper/g.yaml"));
    Files.copy(Path.of(SEED + "wait-basic.yaml"), in.resolve("w.yml"));
    Path out = tmp.resolve("out");
    Cli r = Cli.run("run", "--out", out.toString(), "--jobs", "2", in.toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out.resolve("topic/deeper/g.json"))).isEqualTo(golden(GATHER));
    assertThat(out.resolve("w.json")).exists();
    Cli text = Cli.run("run", "--out", out.toString(), "--format", "text", Path.of(GATHER).toString());
    assertThat(text.status()).isZero();
    assertThat(out.resolve("gather-handle-exception.txt")).exists();
  }

  @Test
  void oneFileNamedTwiceUnderOutIsNoCollision() throws IOException {
    Path out = tmp.resolve("out");
    Cli r = Cli.run("run", "--out", out.toString(), GATHER, "./" + GATHER);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("gather-handle-exception.json"))).isEqualTo(golden(GATHER));
  }

  @TestFactory
  Stream<DynamicTest> viewsMatchTheirExpectedText() {
    return Stream.of(
            new String[] {"gather-handle-exception.text.txt", "--format", "text", GATHER},
            new String[] {"gather-handle-exception.timeline.txt", "--format", "timeline", "--width", "80", GATHER},
            new String[] {"as-completed-timeout.timeline-ascii.txt", "--format", "timeline", "--width", "60", "--ascii", SEED + "as-completed-timeout.yaml"})
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0],
                    () -> {
                      String[] args = new String[c.length];
                      args[0] = "run";
                      System.arraycopy(c, 1, args, 1, c.length - 1);
                      Cli r = Cli.run(args);
                      assertThat(r.status()).isZero();
                      assertThat(r.out()).isEqualTo(resource(c[0]));
                    }));
  }

  @Test
  void textHasOneAlignedLinePerEvent() {
    String out = Cli.run("run", "--format", "text", GATHER).out();
    assertThat(out).contains("\n0.100  hello-0.1  completed  0.1\n");
    assertThat(out.lines().filter(l -> !l.startsWith("#")).count()).isEqualTo(10);
  }

  @Test
  void timelineFitsTheWidthAndMarksEachEnd() {
    for (int width : new int[] {40, 80, 132}) {
      String out = Cli.run("run", "--format", "timeline", "--width", Integer.toString(width), SEED + "wait-timeout.yaml").out();
      List<String> rows = out.lines().filter(l -> l.startsWith("hello-")).toList();
      assertThat(rows).hasSize(3);
      assertThat(rows).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
      assertThat(rows.get(0)).contains("✓");
      assertThat(rows.get(2)).contains("⊘");
    }
  }

  @Test
  void picturesAreTheirViewsGoldens() throws IOException {
    Cli html = Cli.run("run", "--format", "html", GATHER);
    assertThat(html.status()).isZero();
    assertThat(html.out()).isEqualTo(Files.readString(Path.of("src/test/resources/view/gather-handle-exception.html")));
    assertThat(Cli.run("run", "--format", "trace", GATHER).out())
        .isEqualTo(Files.readString(Path.of("src/test/resources/view/gather-handle-exception.trace.json")));
    String mermaid = Files.readString(Path.of("src/test/resources/view/gather-handle-exception.md"));
    assertThat(Cli.run("run", "--format", "mermaid", GATHER, GATHER).out()).isEqualTo(mermaid + "\n" + mermaid);
  }

  @Test
  void aPageOrTracePerWorkflowNeedsOneWorkflowOrOut() {
    for (String format : new String[] {"html", "trace"}) {
      Cli r = Cli.run("run", "--format", format, GATHER, SEED + "wait-basic.yaml");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("--out DIR");
    }
    Path out = tmp.resolve("pages");
    assertThat(Cli.run("run", "--format", "html", "--out", out.toString(), SEED).status()).isZero();
    assertThat(out.resolve("gather-handle-exception.html")).exists();
    assertThat(Cli.run("run", "--format", "trace", "--out", out.toString(), GATHER).status()).isZero();
    assertThat(out.resolve("gather-handle-exception.trace.json")).exists();
  }

  @Test
  void longValuesAreCutWithACount() throws IOException {
    Path big = tmp.resolve("big.yaml");
    Files.writeString(big, "version: 1\nstrategy: {kind: gather}\ntasks:\n  - {name: \"w-{i}\", count: 5000, delay: 0.1, result: \"{i}\"}\n");
    String text = Cli.run("run", "--format", "text", big.toString()).out();
    String returned = text.lines().filter(l -> l.contains(" returned ")).findFirst().orElseThrow();
    assertThat(returned).contains("[0, 1, 2, ").contains(" more]").hasSizeLessThan(200);
    assertThat(text.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(250);
    String timeline = Cli.run("run", "--format", "timeline", "--width", "100", big.toString()).out();
    assertThat(timeline).contains("... 4800 more tasks not drawn");
    assertThat(timeline.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(250);
  }

  @Test
  void badArgumentsAreInvalidInput() {
    assertThat(Cli.run("run", "no/such/file.yaml").status()).isEqualTo(2);
    assertThat(Cli.run("run", "--format", "xml", GATHER).status()).isEqualTo(2);
    assertThat(Cli.run("run", "--clock", "fast", GATHER).status()).isEqualTo(2);
    assertThat(Cli.run("run", "--jobs", "0", GATHER).status()).isEqualTo(2);
    assertThat(Cli.run("run").status()).isEqualTo(2);
  }

  @Test
  void helpNamesTheExitStatuses() {
    Cli r = Cli.run("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Exit status:").contains("1  test failures").contains("3  internal error");
    assertThat(Cli.run("test", "--help").out()).contains("--update").contains("--accept").contains("--junit");
  }

  @Test
  void aClockThatWouldPass2To63NsStopsTheRunAsAnInputError() throws Exception {
    // Nine sleeps of 1e9 s reach 9e18 ns; the tenth would pass 2^63 - 1 ns (SPEC 5): no wrap.
    Path file = tmp.resolve("overflow.yaml");
    Files.writeString(
        file,
        "version: 1\nstrategy: {kind: gather}\ntasks:\n  - name: long\n    steps: ["
            + String.join(", ", java.util.Collections.nCopies(10, "{sleep: 1e9}")) + "]\n");
    Cli r = Cli.run("run", file.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo("aiosim run: " + file + ": run stopped at 9000000000.0 s: a delay of 1000000000.0 s would take"
            + " the clock past 9223372036.854775807 s (2^63 - 1 ns, about 292 years), the last instant it can hold");
  }
}
