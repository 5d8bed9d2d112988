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
        .endsWith("        asyncio.run(main(), loop_factory=ReferenceLoop)\n");
    assertThat(err.toString()).isEmpty();
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
  void theTargetIsRequired() {
    assertThat(export("export")).isEqualTo(2);
    assertThat(err.toString()).contains("--python");
  }
}
