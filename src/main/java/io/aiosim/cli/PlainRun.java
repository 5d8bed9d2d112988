package io.aiosim.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The most common command lines, {@code run FILE...} with at most one {@code --no-events} among
 * the files, run without picocli's model: building it took 50-70 ms of a 160 ms tiny run (JDK
 * annotation proxies and reflection, which no start-up cache keeps). The launchers give these
 * command lines a start-up cache of their own (java.sh aot_kind, {@link CacheTraining}).
 * PlainRunTest holds both ways to the same bytes and status.
 */
final class PlainRun {
  private PlainRun() {}

  /**
   * Whether {@code args} is such a command line: no other argument picocli could read as an
   * option ({@code -...}, so {@code -} for standard input too) or as an @file, and a file.
   */
  static boolean matches(String[] args) {
    if (args.length < 2 || !args[0].equals("run")) {
      return false;
    }
    boolean noEvents = false;
    int files = 0;
    for (int i = 1; i < args.length; i++) {
      if (!noEvents && args[i].equals(RunCommand.NO_EVENTS)) {
        noEvents = true; // picocli takes a flag before or after the files; twice is an error
      } else if (args[i].isEmpty() || args[i].charAt(0) == '-' || args[i].charAt(0) == '@') {
        return false;
      } else {
        files++;
      }
    }
    return files > 0;
  }

  /**
   * A command line that {@link #matches}, run as picocli would run it: every option at its
   * default but {@code --no-events}, an exception handled by {@link Main#failed}.
   */
  static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
    RunCommand r = new RunCommand();
    List<String> inputs = new ArrayList<>(args.length - 1);
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals(RunCommand.NO_EVENTS)) r.noEvents = true;
      else inputs.add(args[i]);
    }
    r.inputs = inputs;
    r.stdin = stdin;
    r.pythonOption = new PythonOption();
    r.scheduleOption = new ScheduleOption();
    try {
      return r.run(out, err);
    } catch (Exception e) {
      return Main.failed(e, "run", err);
    }
  }
}
