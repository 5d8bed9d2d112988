package io.aiosim.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A workflow file, the Python version it is checked under, and the files beside it that {@code
 * test} reads and writes (gofmt's {@code .input}/{@code .golden}, insta's {@code .snap.new}):
 * {@code x.yaml} has its golden {@code x.golden.json} and, while one is pending review, {@code
 * x.golden.json.new}. The report of another Python version than the workflow's own has its
 * golden {@code x.3.13.golden.json}; without one it must equal {@code x.golden.json} but for the
 * {@code python} key.
 *
 * @param python the version's key ({@code "3.13"}), or null for the workflow's own version
 */
public record Scenario(Path workflow, String python) {
  public static final String GOLDEN_SUFFIX = ".golden.json";
  public static final String PENDING_SUFFIX = GOLDEN_SUFFIX + ".new";
  /** The version part of a version golden's name: {@code x.3.13.golden.json}. */
  private static final Pattern VERSIONED = Pattern.compile("(.+)\\.(\\d+\\.\\d+)");

  /** The workflow under its own Python version. */
  public Scenario(Path workflow) {
    this(workflow, null);
  }

  /** The workflow's file name without {@code .yaml}/{@code .yml}. */
  public String stem() {
    String n = workflow.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** {@code x.golden.json}, or {@code x.3.13.golden.json} for another version. */
  public Path golden() {
    return workflow.resolveSibling(stem() + versionPart() + GOLDEN_SUFFIX);
  }

  public Path pending() {
    return workflow.resolveSibling(stem() + versionPart() + PENDING_SUFFIX);
  }

  /** The same workflow under its own version: whose golden a version without one must equal. */
  public Scenario own() {
    return new Scenario(workflow);
  }

  private String versionPart() {
    return python == null ? "" : "." + python;
  }

  /** What a verdict line names: the file, and the version when it is not the file's own. */
  public String label() {
    return python == null ? workflow.toString() : workflow + " [python " + python + "]";
  }

  /** Whether the file is a golden or a pending golden, by its name. */
  public static boolean isGoldenFile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(GOLDEN_SUFFIX) || n.endsWith(PENDING_SUFFIX);
  }

  /** The folder a workflow file is in, as it was named ({@code ""} for the current one). */
  public static Path folder(Path workflow) {
    Path dir = workflow.getParent();
    return dir == null ? Path.of("") : dir;
  }

  /**
   * The versions with a golden of their own in {@code dir}, by workflow file name: {@code
   * x.3.13.golden.json} gives {@code x.yaml -> [3.13]} (whatever X.Y the names say, supported or
   * not; in name order). One listing of the folder serves all its workflows.
   */
  public static Map<String, List<String>> versionGoldens(Path dir) {
    Map<String, List<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String n = p.getFileName().toString();
        Matcher m = n.endsWith(GOLDEN_SUFFIX)
            ? VERSIONED.matcher(n.substring(0, n.length() - GOLDEN_SUFFIX.length()))
            : null;
        if (m != null && m.matches() && beside(p, m.group(1) + "." + m.group(2)) == null) {
          Path w = beside(p, m.group(1));
          if (w != null) {
            out.computeIfAbsent(w.getFileName().toString(), k -> new ArrayList<>()).add(m.group(2));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The scenario a golden or pending file belongs to, or null when no workflow sits beside it
   * (the file is unreferenced: its workflow was renamed or deleted). {@code x.3.13.golden.json}
   * belongs to {@code x.3.13.yaml} if there is one, else to {@code x.yaml} under 3.13.
   */
  public static Scenario owning(Path goldenFile) {
    String n = goldenFile.getFileName().toString();
    String stem;
    if (n.endsWith(PENDING_SUFFIX)) {
      stem = n.substring(0, n.length() - PENDING_SUFFIX.length());
    } else if (n.endsWith(GOLDEN_SUFFIX)) {
      stem = n.substring(0, n.length() - GOLDEN_SUFFIX.length());
    } else {
      return null;
    }
    Path w = beside(goldenFile, stem);
    if (w != null) {
      return new Scenario(w);
    }
    Matcher m = VERSIONED.matcher(stem);
    if (m.matches() && (w = beside(goldenFile, m.group(1))) != null) {
      return new Scenario(w, m.group(2));
    }
    return null;
  }

  private static Path beside(Path file, String stem) {
    for (String ext : new String[] {".yaml", ".yml"}) {
      Path w = file.resolveSibling(stem + ext);
      if (Files.isRegularFile(w)) {
        return w;
      }
    }
    return null;
  }
}
