package io.aiosim.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goldens of other Python versions (SPEC 8): {@code x.golden.json} is the workflow's own
 * version; another version's report must equal it but for the python key, unless {@code
 * x.3.13.golden.json} holds that version's own. A fake engine answers per version.
 */
class VersionGoldenTest {
  @TempDir Path dir;
  private Path workflow;
  private String report312;
  private String report313;
  private String ownPython = "3.12";

  private final ScenarioRunner runner =
      new ScenarioRunner() {
        @Override
        public RunAttempt run(Path file) {
          return run(file, null);
        }

        @Override
        public RunAttempt run(Path file, String python) {
          String v = python == null ? ownPython : python;
          return new RunAttempt.Ran(v.equals("3.13") ? report313 : report312, null, ownPython);
        }
      };

  private static final GoldenCheck.Mode REVIEW = GoldenCheck.Mode.review(false);

  @BeforeEach
  void setUp() throws IOException {
    workflow = dir.resolve("x.yaml");
    Files.writeString(workflow, "version: 1\n");
    report312 = TestData.specReport();
    report313 = GoldenCompare.asPython(report312, "3.13");
    Files.writeString(dir.resolve("x.golden.json"), report312);
  }

  private Verdict check(String python, GoldenCheck.Mode mode) {
    return GoldenCheck.check(new Scenario(workflow, python), runner, mode);
  }

  @Test
  void aVersionWithoutAGoldenOfItsOwnMustEqualTheOwnGoldenButForThePythonKey() {
    Verdict v = check("3.13", REVIEW);
    assertThat(v.lines()).containsExactly("PASS  " + workflow + " [python 3.13]  (same as x.golden.json)");
    assertThat(dir.resolve("x.3.13.golden.json")).doesNotExist();
  }

  @Test
  void aVersionThatBehavesDifferentlyFailsUntilItsGoldenIsAccepted() {
    report313 = report313.replace("\"state\": \"failed\"", "\"state\": \"completed\"");
    Verdict v = check("3.13", REVIEW);
    assertThat(v.failed()).isTrue();
    assertThat(v.note())
        .isEqualTo("python 3.13 differs from x.golden.json; the new report is in x.3.13.golden.json.new");
    assertThat(v.details()).contains("$.tasks[1].state: expected \"failed\", got \"completed\"");
    assertThat(dir.resolve("x.3.13.golden.json.new")).hasContent(report313);

    Verdict accepted = check("3.13", new GoldenCheck.Mode(false, true, false, false));
    assertThat(accepted.note()).isEqualTo("accepted x.3.13.golden.json.new as x.3.13.golden.json");
    assertThat(dir.resolve("x.3.13.golden.json")).hasContent(report313);
    assertThat(check("3.13", REVIEW).lines()).containsExactly("PASS  " + workflow + " [python 3.13]");
  }

  @Test
  void updateWritesAVersionGoldenOnlyWhereTheVersionDiffers() {
    GoldenCheck.Mode update = new GoldenCheck.Mode(true, false, false, false);
    assertThat(check("3.13", update).status()).isEqualTo(Verdict.Status.PASS);
    assertThat(dir.resolve("x.3.13.golden.json")).doesNotExist();
    report313 = report313.replace("\"finished_at\": 0.2\n", "\"finished_at\": 0.4\n");
    assertThat(check("3.13", update).note()).isEqualTo("wrote x.3.13.golden.json");
    assertThat(dir.resolve("x.3.13.golden.json")).hasContent(report313);
  }

  @Test
  void theOwnVersionNamedOnTheCommandLineUsesTheOwnGolden() throws IOException {
    ownPython = "3.13";
    Files.writeString(dir.resolve("x.golden.json"), report313);
    assertThat(check("3.13", REVIEW).status()).isEqualTo(Verdict.Status.PASS);
    Files.writeString(dir.resolve("x.3.13.golden.json"), report313);
    Verdict twice = check("3.13", REVIEW);
    assertThat(twice.failed()).isTrue();
    assertThat(twice.note())
        .isEqualTo("x.3.13.golden.json duplicates x.golden.json, the golden of the workflow's own python 3.13: delete one");
  }

  @Test
  void versionGoldensBelongToTheirWorkflow() throws IOException {
    Files.writeString(dir.resolve("x.3.13.golden.json"), report313);
    Files.writeString(dir.resolve("x.3.9.golden.json"), report313);
    Files.writeString(dir.resolve("gone.3.13.golden.json.new"), report313);
    assertThat(Scenario.versionGoldens(dir)).isEqualTo(Map.of("x.yaml", List.of("3.13", "3.9")));
    assertThat(Scenario.owning(dir.resolve("x.3.13.golden.json"))).isEqualTo(new Scenario(workflow, "3.13"));
    assertThat(WorkflowFiles.unreferenced(List.of(dir))).containsExactly(dir.resolve("gone.3.13.golden.json.new"));
    // A workflow named like a version golden's stem owns that golden itself.
    Files.writeString(dir.resolve("x.3.13.yaml"), "version: 1\n");
    assertThat(Scenario.versionGoldens(dir)).isEqualTo(Map.of("x.yaml", List.of("3.9")));
    assertThat(Scenario.owning(dir.resolve("x.3.13.golden.json"))).isEqualTo(new Scenario(dir.resolve("x.3.13.yaml")));
  }
}
