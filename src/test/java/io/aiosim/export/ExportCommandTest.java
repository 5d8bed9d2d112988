package io.aiosim.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int export(String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void printsTheProgram() {
    int status = export("export", "--python", PythonExporterTest.CASES.resolve("gather-timeout-after.yaml").toString());
    assertThat(status).isZero();
    assertThat(out.toString())
        .startsWith("#!/usr/bin/env python3\n")
        .contains("async def main():")
        .contains("Run it with python3.12 ")
        .endsWith("        run(main())  # asyncio.run(main(), loop_factory=ReferenceLoop)\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aVersionBeforeTheFileIsTheOneTheProgramIsFor() {
    int status =
        export("export", "--python", "3.13", PythonExporterTest.CASES.resolve("gather-timeout-after.yaml").toString());
    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("Run it with python3.13 ", "`aiosim run --python 3.13`")
        .contains(", \"3.13\"):\n        run(main())");
  }

  @Test
  void anUnknownVersionNamesTheSupportedOnes() {
    String file = PythonExporterTest.CASES.resolve("gather-timeout-after.yaml").toString();
    assertThat(export("export", "--python", "2", file)).isEqualTo(2);
    assertThat(export("export", "--python", "3.13")).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "aiosim export: --python: unknown Python version '2'; supported: 3.11, 3.12 or 3.13\n"
                + "aiosim export: --python 3.13: expected the workflow file after the version"
                + " (--python [VERSION] FILE; versions: 3.11, 3.12 or 3.13)\n");
  }

  @Test
  void anInvalidFileGivesPositionedDiagnosticsAndStatus2(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "version: 1\nstrategy: {kind: gather}\ntasks:\n  - {name: a, delay: -1}\n");
    int status = export("export", "--python", bad.toString());
    assertThat(status).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith(bad + ":4:").contains("\n  - {name: a, delay: -1}\n");
  }

  @Test
  void pythonGivenTwiceIsAUsageError() {
    String file = PythonExporterTest.CASES.resolve("gather-timeout-after.yaml").toString();
    assertThat(export("export", "--python", file, "--python", file)).isEqualTo(2);
    assertThat(export("export", "--python", "3.13", file, "--python", file)).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "aiosim export: --python: give it once, as --python [VERSION] FILE (it exports one workflow)\n".repeat(2));
  }

  @Test
  void theHelpShowsTheOptionAsItIsWritten() {
    assertThat(export("export", "--help")).isZero();
    assertThat(out.toString())
        .startsWith("Usage: aiosim export [-hV] [--schedule=TOKEN] --python [VERSION] FILE|-\n")
        .contains("\n      --python=[VERSION] FILE|-\n");
  }

  @Test
  void theTargetIsRequired() {
    assertThat(export("export")).isEqualTo(2);
    assertThat(err.toString()).contains("--python");
  }
}
