package io.aiosim.cli;

import io.aiosim.Aiosim;
import io.aiosim.dsl.Footprint;
import io.aiosim.dsl.Limits;
import io.aiosim.dsl.TerminalText;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.engine.ClockKind;
import io.aiosim.run.Simulation;
import io.aiosim.golden.AtomicWrite;
import io.aiosim.golden.FileError;
import io.aiosim.golden.Progress;
import io.aiosim.golden.WorkflowFiles;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import io.aiosim.report.TextView;
import io.aiosim.report.TimelineView;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aiosim run}: every input is read and checked first; if any is invalid, all the
 * problems go to standard error and nothing runs (SPEC 7). Then each workflow runs and its
 * report is printed (or written under {@code --out}) in argument order, also with {@code --jobs}.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs workflows and prints their reports.",
    footerHeading = "%nExit status:%n",
    footer = {"  0  ok", "  2  invalid input (nothing was run), or an output it cannot write", "  3  internal error"})
final class RunCommand implements Callable<Integer> {
  /** Output formats, spelt as on the command line. */
  enum Format {
    json,
    jsonl,
    text,
    timeline
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Standard input for {@code -}; {@link Main} injects it. */
  InputStream stdin = System.in;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-", description = "Workflow files, folders (searched recursively for *.yaml, *.yml), or - for standard input.")
  List<String> inputs;

  @Option(names = "--format", paramLabel = "FORMAT", description = "json (default), jsonl (one report per line), text (a transcript) or timeline (a chart).")
  Format format = Format.json;

  @Option(names = "--out", paramLabel = "DIR", description = "Write one report per workflow under DIR, mirroring the paths below each argument folder.")
  Path outDir;

  @Option(names = "--jobs", paramLabel = "N", description = "Run N workflows at once (default 1, at most " + MAX_JOBS + "); the output order stays the argument order. Runs share one memory budget: a large one runs alone.")
  int jobs = 1;

  static final int MAX_JOBS = 256;
  /** What runs at once may need in all (a workflow alone may need this much: Limits). */
  private static final long MEMORY_BUDGET = Limits.DEFAULT.maxRunBytes();

  @Option(names = "--clock", paramLabel = "CLOCK", description = "virtual (default: time jumps, same report every run) or real (sleeps for real).")
  String clock = "virtual";

  @Option(names = "--no-events", description = "Leave the event list out of the report (\"events\": []): for huge runs, less memory and time. Everything else is unchanged.")
  boolean noEvents;

  @Option(names = "--ascii", description = "Draw the timeline with ASCII characters only.")
  boolean ascii;

  @Option(names = "--width", paramLabel = "COLUMNS", description = "Width of the timeline, 40 to 1000 (default: $COLUMNS, else 80).")
  Integer width;

  /**
   * One input, read and checked. Its model is kept ({@code workflow}) while the models kept add
   * up to a quarter of the memory budget; a file past that is read again when its turn comes,
   * so that a folder of large workflows is never held in memory at once. A pipe is always kept.
   */
  private record Input(String label, Path relative, Workflow workflow, Path file, Footprint.Cost cost) {}

  /** A file that changed into an invalid one between its check and its run. */
  private static final class Changed extends RuntimeException {
    final transient List<String> problems;

    Changed(List<String> problems) {
      super(null, null, false, false);
      this.problems = problems;
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClockKind clockKind;
    switch (clock) {
      case "virtual" -> clockKind = ClockKind.VIRTUAL;
      case "real" -> clockKind = ClockKind.REAL;
      default -> {
        err.println("aiosim run: --clock: expected virtual or real, got " + clock);
        return ExitCode.INVALID_INPUT.code();
      }
    }
    if (jobs < 1 || jobs > MAX_JOBS) {
      err.println("aiosim run: --jobs: expected a number from 1 to " + MAX_JOBS + ", got " + jobs);
      return ExitCode.INVALID_INPUT.code();
    }
    if (width != null && (width < 40 || width > 1000)) {
      err.println("aiosim run: --width: expected 40 to 1000 columns, got " + width);
      return ExitCode.INVALID_INPUT.code();
    }
    List<Input> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long kept = 0;
    for (String arg : inputs) {
      if (arg.equals("-")) {
        WorkflowReader.Loaded loaded = WorkflowReader.read("<stdin>", stdin, Limits.DEFAULT);
        if (loaded.workflow() == null) {
          problems.addAll(loaded.rendered());
        } else {
          runs.add(new Input("<stdin>", Path.of("stdin.yaml"), loaded.workflow(), null, loaded.cost()));
        }
        continue;
      }
      WorkflowFiles.Found found = WorkflowFiles.find(List.of(Path.of(arg)));
      found.problems().forEach(p -> problems.add(TerminalText.escape(p))); // paths from the command line
      for (WorkflowFiles.Source s : found.sources()) {
        WorkflowReader.Loaded loaded = WorkflowReader.read(s.file());
        if (loaded.workflow() == null) {
          problems.addAll(loaded.rendered());
        } else {
          boolean keep = !Files.isRegularFile(s.file()) || kept + loaded.cost().memory() <= MEMORY_BUDGET / 4;
          if (keep) kept += loaded.cost().memory();
          runs.add(new Input(s.file().toString(), s.relative(), keep ? loaded.workflow() : null, s.file(), loaded.cost()));
        }
      }
    }
    if (outDir != null) {
      problems.addAll(outputProblems(runs));
    }
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    Progress progress = Progress.forTerminal(err, runs.size());
    try {
      if (jobs == 1) {
        for (int i = 0; i < runs.size() && !out.checkError(); i++) {
          Input in = runs.get(i);
          separate(i, out);
          emit(in, run(in, clockKind), out);
          progress.step(in.label());
        }
      } else {
        parallel(runs, clockKind, out, progress);
      }
    } catch (Changed c) {
      progress.clear();
      c.problems.forEach(err::println);
      return ExitCode.INVALID_INPUT.code();
    }
    progress.clear();
    out.flush();
    return ExitCode.OK.code(); // Main turns a write error on out into its own status
  }

  /** {@code --out} must be a folder, and no two inputs may write one report file. */
  private List<String> outputProblems(List<Input> runs) {
    String folder = OutputPaths.folderProblem(outDir);
    if (folder != null) {
      return List.of("aiosim run: --out " + folder);
    }
    List<String> problems = new ArrayList<>();
    Map<Path, Input> writers = new HashMap<>();
    for (Input in : runs) {
      Path target = outDir.resolve(outputName(in.relative())).normalize();
      Input other = writers.putIfAbsent(target, in);
      // One file named twice writes the same report twice: harmless, not a collision.
      if (other != null && !sameFile(other, in)) {
        problems.add(
            "aiosim run: --out: " + other.label() + " and " + in.label() + " would both write " + target
                + " (name them through a common folder, or run them apart)");
      }
    }
    return problems;
  }

  private static boolean sameFile(Input a, Input b) {
    return Path.of(a.label()).toAbsolutePath().normalize().equals(Path.of(b.label()).toAbsolutePath().normalize());
  }

  /**
   * The memory a run holds until it is printed: its own, and with {@code --jobs} its report as
   * text (a StringWriter's buffer grows by doubling, then is copied).
   */
  private long weight(Input in) {
    long report = outDir == null ? in.cost().report() : 0;
    return report > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : in.cost().memory() + 3 * report;
  }

  /**
   * Runs ahead on a pool but prints strictly in order; at most 2 * jobs reports wait in memory,
   * and those running or waiting fit in the memory budget together. A run too large to share it
   * runs alone once the others are printed, streaming its report as with one job.
   */
  private void parallel(List<Input> runs, ClockKind clockKind, PrintWriter out, Progress progress) {
    try (ExecutorService pool = Executors.newFixedThreadPool(jobs)) {
      Deque<Future<String>> window = new ArrayDeque<>();
      Deque<Long> weights = new ArrayDeque<>();
      long held = 0;
      int next = 0;
      int printed = 0;
      while ((next < runs.size() || !window.isEmpty()) && !out.checkError()) {
        if (window.isEmpty() && weight(runs.get(next)) > MEMORY_BUDGET) {
          Input in = runs.get(next++);
          progress.clear();
          separate(printed++, out);
          emit(in, run(in, clockKind), out);
          progress.step(in.label());
          continue;
        }
        while (next < runs.size()
            && window.size() < 2 * jobs
            && weight(runs.get(next)) <= MEMORY_BUDGET - held) {
          Input in = runs.get(next++);
          held += weight(in);
          weights.add(weight(in));
          window.add(
              pool.submit(
                  () -> {
                    StringWriter sw = new StringWriter();
                    try (PrintWriter pw = new PrintWriter(sw)) {
                      emit(in, run(in, clockKind), pw);
                    }
                    progress.step(in.label());
                    return sw.toString();
                  }));
        }
        if (window.isEmpty()) continue;
        String text = await(window.removeFirst());
        held -= weights.removeFirst();
        if (!text.isEmpty()) {
          progress.clear();
          separate(printed++, out);
          out.print(text);
          out.flush();
        }
      }
    }
  }

  /** Transcripts and charts on one output are set apart by a blank line; JSON needs nothing. */
  private void separate(int index, PrintWriter out) {
    if (index > 0 && outDir == null && (format == Format.text || format == Format.timeline)) {
      out.println();
    }
  }

  private static String await(Future<String> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) throw error;
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }

  private RunResult run(Input in, ClockKind clockKind) {
    Workflow workflow = in.workflow();
    if (workflow == null) {
      WorkflowReader.Loaded again = WorkflowReader.read(in.file());
      if (again.workflow() == null) throw new Changed(again.rendered());
      workflow = again.workflow();
    }
    try {
      return Aiosim.run(workflow, clockKind, new Simulation.Options(!noEvents));
    } catch (Simulation.RunStopped e) {
      throw e.in(in.label()); // the input's fault: exit 2 (Main)
    } catch (RuntimeException | StackOverflowError e) {
      throw new IllegalStateException("while running " + in.label() + ": " + e, e);
    }
  }

  /** The report in the chosen format, to {@code out} or to its file under {@code --out}. */
  private void emit(Input in, RunResult r, PrintWriter out) {
    if (outDir == null) {
      render(r, out);
      return;
    }
    Path target = outDir.resolve(outputName(in.relative()));
    try {
      AtomicWrite.replace(
          target,
          w -> {
            ErrorKeepingWriter file = new ErrorKeepingWriter(w);
            PrintWriter pw = new PrintWriter(file);
            render(r, pw);
            if (pw.checkError()) {
              throw file.first != null ? file.first : new IOException("cannot write the report of " + in.label());
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(FileError.of(target, e));
    }
  }

  private void render(RunResult r, PrintWriter out) {
    switch (format) {
      case json -> ReportWriter.write(r, out);
      case jsonl -> ReportWriter.writeLine(r, out);
      case text -> TextView.write(r, out);
      case timeline ->
          TimelineView.write(
              r, out, width != null ? width : TimelineView.columns(System.getenv("COLUMNS")), ascii);
    }
    out.flush();
  }

  /** {@code topic/x.yaml} to {@code topic/x.json} (or .jsonl, .txt). */
  private Path outputName(Path relative) {
    String name = relative.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext =
        switch (format) {
          case json -> ".json";
          case jsonl -> ".jsonl";
          case text, timeline -> ".txt";
        };
    return relative.resolveSibling(stem + ext);
  }
}
