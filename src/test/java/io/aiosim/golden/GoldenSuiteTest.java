package io.aiosim.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The test flow end to end on a folder, with a fake engine that returns prepared reports. */
class GoldenSuiteTest {
  @TempDir Path dir;
  private final Map<String, RunAttempt> attempts = new HashMap<>();
  private final ScenarioRunner runner =
      file -> {
        RunAttempt a = attempts.get(file.getFileName().toString());
        if (a == null) {
          throw new IllegalStateException("engine exploded on " + file.getFileName());
        }
        return a;
      };
  private String spec;

  @BeforeEach
  void setUp() {
    spec = TestData.specReport();
  }

  private Path workflow(String name, RunAttempt attempt) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "version: 1\n");
    if (attempt != null) {
      attempts.put(p.getFileName().toString(), attempt);
    }
    return p;
  }

  private record Run(GoldenSuite.Summary summary, String out) {}

  private static final GoldenCheck.Mode REVIEW = GoldenCheck.Mode.review(false);
  private static final GoldenCheck.Mode UPDATE = new GoldenCheck.Mode(true, false, false, false);
  private static final GoldenCheck.Mode ACCEPT = new GoldenCheck.Mode(false, true, false, false);
  private static final GoldenCheck.Mode CHECK = new GoldenCheck.Mode(false, false, true, false);

  private Run run(GoldenCheck.Mode mode, int jobs, Path junit, GoldenSuite.Unreferenced unreferenced)
      throws IOException {
    StringWriter sw = new StringWriter();
    List<Path> args = List.of(dir);
    var found = WorkflowFiles.find(args);
    var scenarios = found.sources().stream().map(s -> new Scenario(s.file())).toList();
    var summary =
        GoldenSuite.run(
            args, scenarios, new GoldenSuite.Options(mode, jobs, junit, unreferenced), runner,
            new PrintWriter(sw), Progress.none());
    return new Run(summary, sw.toString().replace(dir + "/", ""));
  }

  private Run run(GoldenCheck.Mode mode) throws IOException {
    return run(mode, 1, null, GoldenSuite.Unreferenced.warn);
  }

  private Run run() throws IOException {
    return run(REVIEW);
  }

  @Test
  void aMissingGoldenIsWrittenAsNewAndAcceptedLater() throws IOException {
    Path w = workflow("a/x.yaml", new RunAttempt.Ran(spec, null));
    Run first = run();
    assertThat(first.out())
        .isEqualTo(
            """
            NEW   a/x.yaml  (wrote x.golden.json.new)
            1 new golden waits for review (*.golden.json.new): check, then run again with --accept
            0 passed, 0 failed
            """);
    assertThat(new Scenario(w).pending()).hasContent(spec);
    assertThat(new Scenario(w).golden()).doesNotExist();

    Run accepted = run(ACCEPT);
    assertThat(accepted.out())
        .isEqualTo("PASS  a/x.yaml  (accepted x.golden.json.new as x.golden.json)\n1 passed, 0 failed\n");
    assertThat(new Scenario(w).golden()).hasContent(spec);
    assertThat(new Scenario(w).pending()).doesNotExist();
  }

  @Test
  void onCiAMissingGoldenFails() throws IOException {
    workflow("x.yaml", new RunAttempt.Ran(spec, null));
    Run r = run(GoldenCheck.Mode.review(true));
    assertThat(r.summary().failed()).isEqualTo(1);
    assertThat(r.out()).startsWith("NEW   x.yaml  (wrote x.golden.json.new; CI requires a golden)\n");
    assertThat(r.out()).endsWith("0 passed, 1 failed\n");
  }

  @Test
  void aCorruptGoldenFailsNamingTheField() throws IOException {
    Path w = workflow("x.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(w).golden(), spec.replace("\"state\": \"failed\"", "\"state\": \"completed\""));
    Run r = run();
    assertThat(r.out())
        .isEqualTo(
            """
            FAIL  x.yaml  (golden differs; the new report is in x.golden.json.new)
                  $.tasks[1].state: expected "completed", got "failed"
            0 passed, 1 failed
            """);
    assertThat(new Scenario(w).pending()).hasContent(spec);
  }

  @Test
  void updateRewritesOnlyWhatDiffersAndASecondRunIsANoOp() throws IOException {
    Path same = workflow("same.yaml", new RunAttempt.Ran(spec, null));
    Path stale = workflow("stale.yaml", new RunAttempt.Ran(spec, null));
    Path missing = workflow("missing.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(same).golden(), spec);
    Files.writeString(new Scenario(stale).golden(), "{}\n");
    Files.writeString(new Scenario(stale).pending(), "old pending\n");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(new Scenario(same).golden(), old);

    Run r = run(UPDATE);
    assertThat(r.out())
        .isEqualTo(
            """
            NEW   missing.yaml  (wrote missing.golden.json)
            PASS  same.yaml
            PASS  stale.yaml  (golden updated)
            3 passed, 0 failed
            """);
    assertThat(new Scenario(stale).golden()).hasContent(spec);
    assertThat(new Scenario(stale).pending()).doesNotExist();
    assertThat(new Scenario(missing).golden()).hasContent(spec);
    assertThat(Files.getLastModifiedTime(new Scenario(same).golden())).isEqualTo(old);

    List<Path> before = listing();
    Run again = run(UPDATE);
    assertThat(again.out()).isEqualTo("PASS  missing.yaml\nPASS  same.yaml\nPASS  stale.yaml\n3 passed, 0 failed\n");
    assertThat(listing()).isEqualTo(before);
  }

  private List<Path> listing() throws IOException {
    try (var s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void invalidAndBrokenScenariosFailWhileTheOthersRun() throws IOException {
    workflow("a-bad.yaml", new RunAttempt.Invalid(List.of("a-bad.yaml:3:5: unknown key \"foo\"\n  foo: 1\n  ^")));
    workflow("b-crash.yaml", null);
    Path ok = workflow("c-ok.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(ok).golden(), spec);
    Run r = run();
    assertThat(r.out())
        .startsWith(
            """
            FAIL  a-bad.yaml  (invalid workflow)
                  a-bad.yaml:3:5: unknown key "foo"
                    foo: 1
                    ^
            FAIL  b-crash.yaml  (internal error)
                  java.lang.IllegalStateException: engine exploded on b-crash.yaml
            """)
        .endsWith("PASS  c-ok.yaml\n1 passed, 2 failed\n");
    assertThat(r.summary().internal()).isTrue();
  }

  @Test
  void expectFailuresFailEvenWithAMatchingGolden() throws IOException {
    Path w = workflow("x.yaml", new RunAttempt.Ran(spec, Map.of("outcome", Map.of("status", "returned"))));
    Files.writeString(new Scenario(w).golden(), spec);
    Run r = run(UPDATE);
    assertThat(r.out())
        .isEqualTo(
            """
            FAIL  x.yaml  (expect: failed)
                  expect.outcome.status: expected "returned", got "raised"
            0 passed, 1 failed
            """);
  }

  @Test
  void aPassingScenariosStaleNewIsRemovedSoThatAcceptCannotTakeIt() throws IOException {
    Path w = workflow("x.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(w).golden(), spec);
    Files.writeString(new Scenario(w).pending(), "leftover\n");
    Run r = run(ACCEPT);
    assertThat(r.out())
        .isEqualTo("PASS  x.yaml  (removed stale x.golden.json.new: the golden matches)\n1 passed, 0 failed\n");
    assertThat(new Scenario(w).golden()).hasContent(spec);
    assertThat(new Scenario(w).pending()).doesNotExist();
  }

  @Test
  void acceptReplacesAFailingGoldenWithTodaysReportAndSaysSo() throws IOException {
    Path w = workflow("x.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(w).golden(), "{}\n");
    assertThat(run().summary().failed()).isEqualTo(1);
    assertThat(new Scenario(w).pending()).hasContent(spec);
    Run r = run(ACCEPT);
    assertThat(r.out())
        .isEqualTo("PASS  x.yaml  (accepted x.golden.json.new: replaced x.golden.json)\n1 passed, 0 failed\n");
    assertThat(new Scenario(w).golden()).hasContent(spec);
    assertThat(new Scenario(w).pending()).doesNotExist();
    assertThat(run().out()).isEqualTo("PASS  x.yaml\n1 passed, 0 failed\n");
  }

  @Test
  void acceptRefusesANewThatIsNotTodaysReport() throws IOException {
    Path w = workflow("x.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(w).golden(), "{}\n");
    Files.writeString(new Scenario(w).pending(), "{\"reviewed\": \"yesterday\"}\n");
    Run r = run(ACCEPT);
    assertThat(r.out())
        .startsWith(
            "FAIL  x.yaml  (not accepted: x.golden.json.new is not today's report;"
                + " golden differs; the new report is in x.golden.json.new)\n")
        .endsWith("0 passed, 1 failed\n");
    assertThat(new Scenario(w).golden()).hasContent("{}\n");
    assertThat(new Scenario(w).pending()).hasContent(spec);
  }

  @Test
  void checkWritesNothingAndAMissingGoldenFails() throws IOException {
    Path same = workflow("same.yaml", new RunAttempt.Ran(spec, null));
    Path differs = workflow("differs.yaml", new RunAttempt.Ran(spec, null));
    workflow("missing.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(same).golden(), spec);
    Files.writeString(new Scenario(same).pending(), "leftover\n");
    Files.writeString(new Scenario(differs).golden(), spec.replace("virtual", "real"));
    List<Path> before = listing();
    Run r = run(CHECK);
    assertThat(r.out())
        .isEqualTo(
            """
            FAIL  differs.yaml  (golden differs)
                  $.clock: expected "real", got "virtual"
            FAIL  missing.yaml  (no missing.golden.json (--check writes nothing))
            PASS  same.yaml  (stale same.golden.json.new left: --check writes nothing)
            1 passed, 2 failed
            """);
    assertThat(listing()).isEqualTo(before);
  }

  @Test
  void goldensWithoutAWorkflowAreNamedOrDeleted() throws IOException {
    Path w = workflow("x.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(w).golden(), spec);
    Files.writeString(dir.resolve("gone.golden.json.new"), "orphan\n");
    Files.createDirectories(dir.resolve("old"));
    Files.writeString(dir.resolve("old/renamed.golden.json"), spec);
    Files.writeString(dir.resolve("yml.golden.json"), spec);
    Files.writeString(dir.resolve("yml.yml"), "version: 1\n");
    attempts.put("yml.yml", new RunAttempt.Ran(spec, null));
    Run warned = run();
    assertThat(warned.out())
        .isEqualTo(
            """
            PASS  x.yaml
            PASS  yml.yml
            unreferenced gone.golden.json.new  (no workflow beside it: delete it, or run with --unreferenced delete)
            unreferenced old/renamed.golden.json  (no workflow beside it: delete it, or run with --unreferenced delete)
            2 passed, 0 failed
            """);
    assertThat(dir.resolve("gone.golden.json.new")).exists();
    Run deleted = run(REVIEW, 1, null, GoldenSuite.Unreferenced.delete);
    assertThat(deleted.out())
        .contains("deleted gone.golden.json.new  (no workflow beside it)\n")
        .contains("deleted old/renamed.golden.json  (no workflow beside it)\n");
    assertThat(dir.resolve("gone.golden.json.new")).doesNotExist();
    assertThat(dir.resolve("old/renamed.golden.json")).doesNotExist();
    assertThat(new Scenario(w).golden()).exists();
    assertThat(run().out()).isEqualTo("PASS  x.yaml\nPASS  yml.yml\n2 passed, 0 failed\n");
  }

  @Test
  void parallelRunsPrintInFileOrder() throws IOException {
    for (int i = 0; i < 40; i++) {
      Path w = workflow(String.format("w%02d.yaml", i), new RunAttempt.Ran(spec, null));
      Files.writeString(new Scenario(w).golden(), i % 7 == 3 ? spec.replace("virtual", "real") : spec);
    }
    String sequential = run(REVIEW, 1, null, GoldenSuite.Unreferenced.warn).out();
    String parallel = run(REVIEW, 4, null, GoldenSuite.Unreferenced.warn).out();
    assertThat(parallel).isEqualTo(sequential).endsWith("34 passed, 6 failed\n");
  }

  @Test
  void junitXmlIsWellFormedAndCounts() throws Exception {
    Path ok = workflow("ok.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(ok).golden(), spec);
    Path bad = workflow("sub/bad.yaml", new RunAttempt.Ran(spec, null));
    Files.writeString(new Scenario(bad).golden(), spec.replace("\"boom\"", "\"b<o>&m\""));
    workflow("crash.yaml", null);
    workflow("new.yaml", new RunAttempt.Ran(spec, null));
    Path xml = dir.resolve("out/junit.xml");
    run(REVIEW, 1, xml, GoldenSuite.Unreferenced.warn);

    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    var failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getTextContent()).contains("$.tasks[1].name: expected \"b<o>&m\", got \"boom\"");
    var testcase = (Element) failure.getParentNode();
    assertThat(testcase.getAttribute("name")).isEqualTo("bad.yaml");
    assertThat(testcase.getAttribute("classname")).endsWith(".sub");
  }

  @Test
  void junitClassnamesAreDottedFolders() {
    assertThat(JUnitReport.classname(Path.of("workflows/seed/x.yaml"))).isEqualTo("workflows.seed");
    assertThat(JUnitReport.classname(Path.of("./x.yaml"))).isEqualTo("aiosim");
    assertThat(JUnitReport.classname(Path.of("x.yaml"))).isEqualTo("aiosim");
    assertThat(JUnitReport.classname(Path.of("./a/./b/x.yaml"))).isEqualTo("a.b");
    assertThat(JUnitReport.classname(Path.of("../up/x.yaml"))).isEqualTo("up");
    assertThat(JUnitReport.classname(Path.of("/abs/dir/x.yaml"))).isEqualTo("abs.dir");
  }
}
