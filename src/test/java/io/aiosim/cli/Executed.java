package io.aiosim.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.function.Supplier;

/**
 * One command line run in-process, with or without {@code Main}'s fast paths (the version, the
 * help texts, {@code run FILE...}): PlainRunTest and HelpTextsTest require both ways to agree.
 */
record Executed(int status, String out, String err) {
  static Executed of(String[] args, boolean fastPaths) {
    return of(args, fastPaths, StringWriter::new);
  }

  /** {@code stdout} makes the writer standard output goes to (one that fails, say). */
  static Executed of(String[] args, boolean fastPaths, Supplier<Writer> stdout) {
    Writer out = stdout.get();
    StringWriter err = new StringWriter();
    int status =
        Main.execute(
            args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), fastPaths);
    return new Executed(status, out.toString(), err.toString());
  }
}
