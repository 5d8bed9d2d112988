package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  @TempDir Path tmp;

  /** A copy of workflows/seed with its goldens. */
  private Path seedCopy() throws IOException {
    Path dir = tmp.resolve("seed");
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(Path.of("workflows/seed"))) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    return dir;
  }

  @Test
  void theSeedWorkflowsPass() {
    Cli r = Cli.run("test", "workflows/seed");
    assertThat(r.status()).as(r.out()).isZero();
    assertThat(r.out()).endsWith("18 passed, 0 failed\n");
  }

  @Test
  void aCorruptGoldenFailsWithStatusOneNamingTheField() throws IOException {
    Path dir = seedCopy();
    Path golden = dir.resolve("gather-handle-exception.golden.json");
    Files.writeString(golden, Files.readString(golden).replace("\"cancelled_by\": \"shutdown\"", "\"cancelled_by\": \"strategy\""));
    Cli r = Cli.run("test", dir.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAIL  " + dir.resolve("gather-handle-exception.yaml"))
        .contains("      $.tasks[2].cancelled_by: expected \"strategy\", got \"shutdown\"")
        .endsWith("17 passed, 1 failed\n");
  }

  @Test
  void anInvalidWorkflowFailsAndTheOthersRun() throws IOException {
    Path dir = seedCopy();
    Files.writeString(dir.resolve("broken.yaml"), "version: 1\nstrategy: {kind: gathr}\ntasks: [{name: a}]\n");
    Cli r = Cli.run("test", dir.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL  " + dir.resolve("broken.yaml") + "  (invalid workflow)\n      " + dir.resolve("broken.yaml") + ":2:");
    assertThat(r.out()).endsWith("18 passed, 1 failed\n");
  }

  @Test
  void expectBlocksAreChecked() throws IOException {
    Path dir = tmp.resolve("e");
    Files.createDirectories(dir);
    String wf = Files.readString(Path.of("workflows/seed/gather-handle-exception.yaml"));
    Files.writeString(
        dir.resolve("ok.yaml"),
        wf + "expect:\n  outcome: {status: raised, error: {type: ValueError}}\n"
            + "  tasks:\n    hello-0.3: {state: cancelled, cancelled_by: shutdown}\n"
            + "  events:\n    - {task: boom-0.2, event: failed}\n    - {task: main, event: raised, t: 0.2}\n"
            + "  warnings: []\n");
    Files.writeString(dir.resolve("bad.yaml"), wf + "expect:\n  outcome: {status: returned}\n");
    Cli first = Cli.run("test", "--update", dir.toString());
    assertThat(first.out())
        .isEqualTo(
            "FAIL  " + dir.resolve("bad.yaml") + "  (expect: failed; wrote bad.golden.json)\n"
                + "      expect.outcome.status: expected \"returned\", got \"raised\"\n"
                + "NEW   " + dir.resolve("ok.yaml") + "  (wrote ok.golden.json)\n"
                + "1 passed, 1 failed\n");
    assertThat(first.status()).isEqualTo(1);
  }

  @Test
  void junitXmlIsWritten() throws IOException {
    Path xml = tmp.resolve("reports/junit.xml");
    Cli r = Cli.run("test", "--junit", xml.toString(), "workflows/seed/gather-basic.yaml");
    assertThat(r.status()).isZero();
    assertThat(Files.readString(xml)).contains("<testcase classname=\"workflows.seed\" name=\"gather-basic.yaml\"");
  }

  @Test
  void pathsThatNameNothingAreInvalidInput() throws IOException {
    assertThat(Cli.run("test", "no/such/dir").status()).isEqualTo(2);
    Files.createDirectories(tmp.resolve("empty"));
    Cli r = Cli.run("test", tmp.resolve("empty").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no workflow files");
  }

  @Test
  void onCiAMissingGoldenFailsButStillLeavesItsNewFile() throws Exception {
    Path dir = tmp.resolve("ci");
    Files.createDirectories(dir);
    Files.copy(Path.of("workflows/seed/gather-basic.yaml"), dir.resolve("g.yaml"));
    Path log = tmp.resolve("ci.log");
    int status = ChildJvm.run(Map.of("CI", "true"), log, "test", dir.toString());
    assertThat(status).as(Files.readString(log)).isEqualTo(1);
    assertThat(Files.readString(log)).endsWith("0 passed, 1 failed\n");
    assertThat(dir.resolve("g.golden.json.new")).exists();
    // CI=false is no CI: the same rule as an unset CI.
    int local = ChildJvm.run(Map.of("CI", "false"), log, "test", dir.toString());
    assertThat(local).as(Files.readString(log)).isZero();
  }
}
