package io.aiosim.cli;

import io.aiosim.Aiosim;
import io.aiosim.matrix.Library;
import io.aiosim.matrix.Matrix;
import io.aiosim.matrix.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * The training runs of the launchers' start-up caches (src/dist/libexec/java.sh, JEP 483/514),
 * all output discarded. What a training loads and links is what later runs find ready in its
 * cache, and a JVM preloads its whole cache at start (~10 ms for the 3,300 classes of every
 * command), so the command lines that are started most often get caches of their own:
 *
 * <ul>
 *   <li>{@code run}: {@code run FILE...} with no option but {@code --no-events} ({@link
 *       PlainRun}), trained on the matrix library's scenarios (a tiny run 77 -> 57 ms) and
 *       on large counted ones ({@link #counted}), whose JIT profiles a large run starts from;
 *   <li>{@code text}: {@code --version} alone, and the help texts ({@link HelpTexts}): 52 -> 25 ms;
 *   <li>{@code all}: every command once (a command left out would start cold), for the rest.
 * </ul>
 */
public final class CacheTraining {
  private CacheTraining() {}

  /** The caches, as {@code java.sh} names them (its {@code aot_kind}). */
  static final List<String> KINDS = List.of("run", "text", "all");

  /** The matrix library's scenarios, by strategy and row; {@code CacheTrainingTest} checks them against its table. */
  static final List<String> STRATEGIES = List.of("gather", "taskgroup", "as-completed", "wait", "create-task");

  static final List<String> ROWS = List.of("in-order", "one-by-one", "one-wins", "cancel-rest", "dont-cancel", "background", "timeout");

  /** {@code args[0]}: the cache to train (one of {@link #KINDS}; {@code all} when absent). */
  public static void main(String[] args) throws IOException {
    String kind = args.length > 0 ? args[0] : "all";
    // The texts write no files: a temporary folder's classes would join their cache.
    Path dir = kind.equals("text") ? null : Files.createTempDirectory("aiosim-training");
    try {
      for (String[] line : commandLines(kind, dir)) {
        // Through an encoder, as Main.main's writers: a null Writer would leave its classes out.
        OutputStream none = OutputStream.nullOutputStream();
        Main.execute(line, InputStream.nullInputStream(), new PrintWriter(none, true), new PrintWriter(none, true));
      }
    } finally {
      if (dir != null) {
        try (Stream<Path> all = Files.walk(dir)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The command lines that train the cache {@code kind}, their files written under {@code dir} (null for text). */
  static List<String[]> commandLines(String kind, Path dir) throws IOException {
    switch (kind) {
      case "text" -> {
        // One help text stands for all: they are printed by the same few lines (HelpTexts.print).
        return List.of(new String[] {"--version"}, new String[] {"--help"}, new String[] {"run", "--help"});
      }
      case "run" -> {
        // Only what a plain run loads: no matrix computed, no picocli model, no other format.
        Path work = Files.createDirectories(dir.resolve("workflows"));
        Library library = new Library.Bundled();
        String first = null;
        for (String strategy : STRATEGIES) {
          for (String row : ROWS) {
            String name = strategy + "-" + row + ".yaml";
            String text = library.read(name);
            if (text == null) continue;
            Path file = Files.writeString(work.resolve(name), text);
            if (first == null) first = file.toString();
          }
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"run", work.toString()});
        if (first != null) lines.add(new String[] {"run", first});
        for (String file : counted(dir)) {
          // Both ways: a branch the training never took is compiled as a trap, and a run that takes
          // it falls back to the interpreter until it is compiled again.
          lines.add(new String[] {"run", file});
          lines.add(new String[] {"run", "--no-events", file});
        }
        return lines;
      }
      case "all" -> {
        return commandLines(dir);
      }
      default -> throw new IllegalArgumentException("no start-up cache " + kind + "; expected one of " + KINDS);
    }
  }

  /**
   * Large counted workflows (20,000 tasks under gather and under taskgroup), written under {@code
   * dir}. Their runs are long enough for the JIT to profile and compile the engine, the reading
   * and the report, and a training records those profiles into its cache (JDK 25, JEP 515), so
   * that a large run compiles its hot code early instead of profiling it anew: a million-task
   * gather 2.53 -> 2.10 s, 300,000 tasks 0.92 -> 0.82 s, with {@code --no-events} 1.76 -> 1.59 s
   * (560 MB the same), and the cache grows 0.6 MB. Small runs are in C1 (java.sh, small_files)
   * and gain nothing. The all cache trained so was slower (1M with {@code --out} 2.37 -> 2.58 s).
   */
  static List<String> counted(Path dir) throws IOException {
    List<String> files = new ArrayList<>();
    for (String strategy : List.of("gather", "taskgroup")) {
      String text = "version: 1\nname: counted\nseed: 1\nstrategy: {kind: " + strategy + "}\ntasks:\n"
          + "  - {name: 't-{i}', count: 20000, delay: {uniform: [0.0, 10.0]}, result: '{i}'}\n";
      files.add(Files.writeString(dir.resolve(strategy + "-counted.yaml"), text).toString());
    }
    return files;
  }

  /** Every command, with the library's scenarios and one invalid file written under {@code dir}. */
  static List<String[]> commandLines(Path dir) throws IOException {
    Path work = Files.createDirectories(dir.resolve("workflows"));
    Library library = new Library.Bundled();
    Table table = Matrix.compute(library, Aiosim::run).result().table();
    String first = null;
    for (Table.Row row : table.rows()) {
      for (Table.Column column : table.columns()) {
        String name = Table.scenario(column, row);
        Path file = Files.writeString(work.resolve(name), library.read(name));
        if (first == null) first = file.toString();
      }
    }
    String bad = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nstrategy: {kind: gathr}\ntasks: []\n").toString();
    String w = work.toString();
    String out = dir.resolve("out").toString();
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"--version"});
    lines.add(new String[] {"--help"});
    for (Class<?> c : Main.COMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      if (!name.equals("help")) lines.add(new String[] {name, "--help"});
    }
    lines.add(new String[] {"run", w});
    for (String format : new String[] {"jsonl", "text", "timeline"}) lines.add(new String[] {"run", "--format", format, first});
    lines.add(new String[] {"run", "--no-events", "--out", out, w});
    lines.add(new String[] {"run", bad});
    lines.add(new String[] {"run", "--fromat", "json", first});
    lines.add(new String[] {"tset", w});
    lines.add(new String[] {"test", "--update", w});
    lines.add(new String[] {"test", w});
    lines.add(new String[] {"run", "--python", "3.13", first});
    lines.add(new String[] {"versions", first});
    lines.add(new String[] {"validate", w, bad});
    lines.add(new String[] {"export", "--python", first});
    lines.add(new String[] {"explore", first});
    lines.add(new String[] {"schema"});
    lines.add(new String[] {"matrix"});
    lines.add(new String[] {"matrix", "--format", "json"});
    lines.add(new String[] {"completion", "bash"});
    return lines;
  }
}
