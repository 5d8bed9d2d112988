package io.aiosim.cli;

import io.aiosim.Aiosim;
import io.aiosim.matrix.Library;
import io.aiosim.matrix.Matrix;
import io.aiosim.matrix.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * The training run of the launchers' start-up cache (src/dist/libexec/java.sh, JEP 483/514):
 * every command once, in one JVM, on the scenarios of the matrix library the jar carries, with
 * all output discarded. What it loads and links is what later runs find ready in the cache; a
 * command left out here would start cold.
 */
public final class CacheTraining {
  private CacheTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("aiosim-training");
    try {
      for (String[] line : commandLines(dir)) {
        Writer none = Writer.nullWriter();
        Main.execute(line, InputStream.nullInputStream(), new PrintWriter(none), new PrintWriter(none));
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  /** The command lines, with the library's scenarios and one invalid file written under {@code dir}. */
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
