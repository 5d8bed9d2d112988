package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 8 on the command line: {@code --python} on run and test, the workflow's {@code python:}
 * key, the goldens of each version, and {@code aiosim versions}.
 */
class PythonVersionsTest {
  private static final String VERSIONS = "workflows/versions/";
  private static final String DIFFERS = VERSIONS + "outside-cancel-meets-failure.yaml";
  private static final String PINNED = VERSIONS + "pinned-to-313.yaml";
  private static final String SAME = "workflows/seed/gather-basic.yaml";

  @TempDir Path tmp;

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file));
  }

  @Test
  void runModelsTheVersionTheCommandLineNamesOverTheFiles() throws IOException {
    assertThat(Cli.run("run", DIFFERS).out()).isEqualTo(read(VERSIONS + "outside-cancel-meets-failure.golden.json"));
    assertThat(Cli.run("run", "--python", "3.13", DIFFERS).out())
        .isEqualTo(read(VERSIONS + "outside-cancel-meets-failure.3.13.golden.json"));
    assertThat(Cli.run("run", PINNED).out()).isEqualTo(read(VERSIONS + "pinned-to-313.golden.json")).contains("\"python\": \"3.13\"");
    assertThat(Cli.run("run", "--python", "3.12", PINNED).out()).isEqualTo(read(VERSIONS + "pinned-to-313.3.12.golden.json"));
    assertThat(Cli.run("run", "--python", "3.11", SAME).out()).contains("  \"python\": \"3.11\",\n");
  }

  @Test
  void anUnknownVersionIsAnInputErrorNamingTheSupportedOnes() throws IOException {
    for (String command : new String[] {"run", "test", "versions"}) {
      Cli r = Cli.run(command, "--python", "2", SAME);
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .containsPattern("^aiosim " + command + ": Invalid value for option '--python'( \\(VERSION\\))?: unknown Python"
              + " version '2'; supported: 3.11, 3.12 or 3.13\n");
    }
    Path file = tmp.resolve("old.yaml");
    Files.writeString(file, "version: 1\npython: \"3.9\"\nstrategy: {kind: gather}\ntasks: [{name: a}]\n");
    Cli r = Cli.run("run", file.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith(file + ":2:9: python: unknown version \"3.9\"; supported: 3.11, 3.12 or 3.13\n");
  }

  @Test
  void testChecksEachVersionGoldenAndThePythonOptionChecksTheNamedVersions() {
    Cli all = Cli.run("test", VERSIONS);
    assertThat(all.status()).isZero();
    assertThat(all.out())
        .contains("PASS  " + DIFFERS + "\n", "PASS  " + DIFFERS + " [python 3.13]\n")
        .contains("PASS  " + PINNED + "\n", "PASS  " + PINNED + " [python 3.12]\n")
        .endsWith("7 passed, 0 failed\n");
    Cli named = Cli.run("test", "--check", "--python", "3.11", VERSIONS);
    assertThat(named.status()).isZero();
    assertThat(named.out())
        .contains("PASS  " + DIFFERS + " [python 3.11]  (same as outside-cancel-meets-failure.golden.json)\n")
        .contains("PASS  " + PINNED + " [python 3.11]\n")
        .endsWith("3 passed, 0 failed\n");
  }

  @Test
  void testFailsAVersionThatBehavesDifferentlyWithoutAGoldenOfItsOwn() throws IOException {
    String name = "outside-cancel-meets-failure";
    Path copy = tmp.resolve(name + ".yaml");
    Files.copy(Path.of(DIFFERS), copy);
    Files.copy(Path.of(VERSIONS + name + ".golden.json"), tmp.resolve(name + ".golden.json"));
    Cli r = Cli.run("test", "--python", "3.13", copy.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("FAIL  " + copy + " [python 3.13]  (python 3.13 differs from " + name + ".golden.json; the new"
            + " report is in " + name + ".3.13.golden.json.new)\n")
        .contains("$.tasks[1].state: expected \"failed\", got \"cancelled\"");
    assertThat(tmp.resolve(name + ".3.13.golden.json.new")).hasContent(read(VERSIONS + name + ".3.13.golden.json"));
  }

  @Test
  void versionsSaysSameOrShowsTheDifferencesAndExitsOneWhenAnyDiffer() {
    Cli same = Cli.run("versions", SAME);
    assertThat(same.status()).isZero();
    assertThat(same.out()).isEqualTo("same    " + SAME + "\n1 workflow: 1 same, 0 differ across Python 3.11, 3.12 and 3.13\n");

    Cli differ = Cli.run("versions", "--python", "3.12", "--python", "3.13", VERSIONS + "timeout-blames-the-taskgroup.yaml", SAME);
    assertThat(differ.status()).isEqualTo(1);
    assertThat(differ.out())
        .isEqualTo(
            "differ  " + VERSIONS + "timeout-blames-the-taskgroup.yaml\n"
                + "      python 3.13 differs from 3.12:\n"
                + "        $.tasks[0].cancelled_by: 3.12 \"strategy\", 3.13 \"timeout\"\n"
                + "same    " + SAME + "\n"
                + "2 workflows: 1 same, 1 differ across Python 3.12 and 3.13\n");

    // The events differ too: both timelines, side by side, headed by the versions.
    Cli events = Cli.run("versions", PINNED);
    assertThat(events.out())
        .contains("      python 3.11 and 3.12 differ from 3.13:\n        events:\n          3.13  ")
        .contains(" 3.11 and 3.12\n")
        .containsPattern("\\n          0\\.3  sync  cancel  by timeout +<\\n");
  }

  @Test
  void versionsNeedsTwoVersionsAndValidInput() throws IOException {
    Cli one = Cli.run("versions", "--python", "3.13", SAME);
    assertThat(one.status()).isEqualTo(2);
    assertThat(one.err()).isEqualTo("aiosim versions: --python: name two versions or more to compare, got 3.13\n");
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "version: 1\nstrategy: {kind: gather}\ntasks:\n  - {name: a, delay: -1}\n");
    Cli invalid = Cli.run("versions", SAME, bad.toString());
    assertThat(invalid.status()).isEqualTo(2);
    assertThat(invalid.out()).isEmpty();
    assertThat(invalid.err()).startsWith(bad + ":4:");
  }
}
