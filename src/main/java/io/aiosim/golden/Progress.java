package io.aiosim.golden;

import io.aiosim.dsl.TerminalText;
import java.io.PrintWriter;

/**
 * A one-line progress indicator on standard error ({@code [ 120/1000] topic/x.yaml}), redrawn
 * in place with a carriage return. Only for a person at a terminal watching a long batch; the
 * caller decides that ({@link #forTerminal}). Lines printed on standard output clear it first.
 */
public final class Progress {
  private static final Progress NONE = new Progress(null, 0);
  /** Batches at most this long finish before a person would want a progress line. */
  public static final int MIN_FILES = 20;

  private final PrintWriter err;
  private final int total;
  private int done;
  private int shown;

  private Progress(PrintWriter err, int total) {
    this.err = err;
    this.total = total;
  }

  /** A progress line when a console is attached and the batch is long, else nothing. */
  public static Progress forTerminal(PrintWriter err, int total) {
    return System.console() != null && total > MIN_FILES ? new Progress(err, total) : NONE;
  }

  public static Progress none() {
    return NONE;
  }

  /** One more file finished. */
  public synchronized void step(String name) {
    if (err == null) {
      return;
    }
    done++;
    String width = Integer.toString(total);
    String line = String.format("[%" + width.length() + "d/%s] %s", done, width, TerminalText.escape(name));
    if (line.length() > 79) {
      line = line.substring(0, 78) + "…";
    }
    clear();
    err.print(line);
    err.flush();
    shown = line.length();
  }

  /** Erases the line, so that what comes next starts at column 0 of a clean line. */
  public synchronized void clear() {
    if (err == null || shown == 0) {
      return;
    }
    err.print("\r" + " ".repeat(shown) + "\r");
    err.flush();
    shown = 0;
  }
}
