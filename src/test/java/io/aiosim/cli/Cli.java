package io.aiosim.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One in-process command line: its exit status and what it printed. */
record Cli(int status, String out, String err) {
  static Cli run(String... args) {
    return runWithInput("", args);
  }

  static Cli runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.execute(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Cli(status, out.toString(), err.toString());
  }
}
