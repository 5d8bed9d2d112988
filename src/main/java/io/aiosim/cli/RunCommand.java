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
import io.aiosim.golden.OrderedBatch;
import io.aiosim.golden.FileError;
import io.aiosim.golden.Progress;
import io.aiosim.golden.WorkflowFiles;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import io.aiosim.report.TextView;
import io.aiosim.report.TimelineView;
import io.aiosim.view.HtmlView;
import io.aiosim.view.MermaidView;
import io.aiosim.view.TraceView;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    timeline,
    html,
    trace,
    mermaid
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Standard input for {@code -}; {@link Main} injects it. */
  InputStream stdin = System.in;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-", description = "Workflow files, folders (searched recursively for *.yaml, *.yml), or - for standard input.")
  List<String> inputs;

  @Option(names = "--format", paramLabel = "FORMAT", description = "json (default), jsonl (one report per line), text (a transcript), timeline (a chart), html (a page with a picture), trace (Chrome Trace Event JSON for ui.perfetto.dev) or mermaid (a gantt block for GitHub).")
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

  @Mixin PythonOption pythonOption;

  /** The one option a {@link PlainRun} command line may have. */
  static final String NO_EVENTS = "--no-events";

  @Option(names = NO_EVENTS, description = "Leave the event list out of the report (\"events\": []): for huge runs, less memory and time. Everything else is unchanged.")
  boolean noEvents;

  @Mixin ScheduleOption scheduleOption;

  @Option(names = "--ascii", description = "Draw the timeline with ASCII characters only.")
  boolean ascii;

  @Option(names = "--width", paramLabel = "COLUMNS", description = "Width of the timeline, 40 to 1000 (default: $COLUMNS, else 80).")
  Integer width;

  /**
   * One input, read and checked. Its model is kept ({@code workflow}) while the models kept add
   * up to a quarter of the memory budget; a file past that is read again when its turn comes,
   * so that a folder of large workflows is never held in memory at once. A pipe and a lone
   * input are always kept.
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
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Runs the command as picocli would after setting its fields (also {@link PlainRun#run}). */
  int run(PrintWriter out, PrintWriter err) throws IOException {
    ClockKind clockKind;
    switch (clock) {
      case "virtual" -> clockKind = ClockKind.VIRTUAL;
      case "real" -> clockKind = ClockKind.REAL;
      default -> {
        err.println("aiosim run: --clock: expected virtual or real, got " + clock);
        return ExitCode.INVALID_INPUT.code();
      }
    }
    if (clockKind == ClockKind.REAL && !scheduleOption.schedule.isDefault()) {
      err.println("aiosim run: --schedule orders the ties of the virtual clock; it cannot go with --clock real");
      return ExitCode.INVALID_INPUT.code();
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
    // A lone input is run from the model just read: reading it again would double the time to
    // read it, and the first model, promoted by then, would be garbage as large as the second.
    boolean lone = inputs.size() == 1;
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
      lone &= found.sources().size() == 1;
      for (WorkflowFiles.Source s : found.sources()) {
        WorkflowReader.Loaded loaded = WorkflowReader.read(s.file());
        if (loaded.workflow() == null) {
          problems.addAll(loaded.rendered());
        } else {
          boolean keep =
              lone || !Files.isRegularFile(s.file()) || kept + loaded.cost().memory() <= MEMORY_BUDGET / 4;
          if (keep) kept += loaded.cost().memory();
          runs.add(new Input(s.file().toString(), s.relative(), keep ? loaded.workflow() : null, s.file(), loaded.cost()));
        }
      }
    }
    if ((format == Format.html || format == Format.trace) && outDir == null && runs.size() > 1) {
      problems.add("aiosim run: --format " + format + " makes one document per workflow: give one workflow, or --out DIR");
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
   * Runs ahead on a pool but prints strictly in order ({@link OrderedBatch}), the runs under way
   * or waiting within the memory budget together. A run too large to share it runs alone, its
   * report streamed as with one job, between the batches of the others.
   */
  private void parallel(List<Input> runs, ClockKind clockKind, PrintWriter out, Progress progress) {
    int[] printed = {0};
    int start = 0;
    for (int i = 0; i <= runs.size() && !out.checkError(); i++) {
      if (i < runs.size() && weight(runs.get(i)) <= MEMORY_BUDGET) continue;
      OrderedBatch.run(
          runs.subList(start, i),
          jobs,
          this::weight,
          MEMORY_BUDGET,
          in -> {
            StringWriter sw = new StringWriter();
            try (PrintWriter pw = new PrintWriter(sw)) {
              emit(in, run(in, clockKind), pw);
            }
            progress.step(in.label());
            return sw.toString();
          },
          text -> {
            if (!text.isEmpty()) {
              progress.clear();
              separate(printed[0]++, out);
              out.print(text);
              out.flush();
            }
          });
      if (i < runs.size()) {
        Input alone = runs.get(i);
        progress.clear();
        separate(printed[0]++, out);
        emit(alone, run(alone, clockKind), out);
        progress.step(alone.label());
      }
      start = i + 1;
    }
  }

  /** Transcripts and charts on one output are set apart by a blank line; JSON needs nothing. */
  private void separate(int index, PrintWriter out) {
    if (index > 0 && outDir == null && (format == Format.text || format == Format.timeline || format == Format.mermaid)) {
      out.println();
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
      return Aiosim.run(workflow, clockKind, new Simulation.Options(!noEvents, scheduleOption.schedule, pythonOption.python));
    } catch (Simulation.RunStopped e) {
      throw e.in(in.label()); // the input's fault: exit 2 (Main)
    } catch (RuntimeException | StackOverflowError e) {
      throw new IllegalStateException("while running " + in.label() + ": " + e, e);
    }
  }

  /** The report in the chosen format, to {@code out} or to its file under {@code --out}. */
  private void emit(Input in, RunResult r, PrintWriter out) {
    if (outDir == null) {
      render(in.workflow(), r, out);
      return;
    }
    Path target = outDir.resolve(outputName(in.relative()));
    try {
      AtomicWrite.replace(
          target,
          w -> {
            ErrorKeepingWriter file = new ErrorKeepingWriter(w);
            PrintWriter pw = new PrintWriter(file);
            render(in.workflow(), r, pw);
            if (pw.checkError()) {
              throw file.first != null ? file.first : new IOException("cannot write the report of " + in.label());
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(FileError.of(target, e));
    }
  }

  private void render(Workflow w, RunResult r, PrintWriter out) {
    switch (format) {
      case json -> ReportWriter.write(r, out);
      case jsonl -> ReportWriter.writeLine(r, out);
      case text -> TextView.write(r, w, out);
      case timeline ->
          TimelineView.write(
              r, w, out, width != null ? width : TimelineView.columns(System.getenv("COLUMNS")), ascii);
      case html -> HtmlView.write(r, w, out);
      case trace -> TraceView.write(r, w, out);
      case mermaid -> MermaidView.write(r, w, out);
    }
    out.flush();
  }

  /** {@code topic/x.yaml} to {@code topic/x.json} (or .jsonl, .txt, .html, .trace.json, .md). */
  private Path outputName(Path relative) {
    String name = relative.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext =
        switch (format) {
          case json -> ".json";
          case jsonl -> ".jsonl";
          case text, timeline -> ".txt";
          case html -> ".html";
          case trace -> ".trace.json";
          case mermaid -> ".md";
        };
    return relative.resolveSibling(stem + ext);
  }
}
