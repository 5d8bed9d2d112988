package io.aiosim.golden;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A workflow file and the files beside it that {@code test} reads and writes (gofmt's
 * {@code .input}/{@code .golden}, insta's {@code .snap.new}): {@code x.yaml} has its golden
 * {@code x.golden.json} and, while one is pending review, {@code x.golden.json.new}.
 */
public record Scenario(Path workflow) {
  public static final String GOLDEN_SUFFIX = ".golden.json";
  public static final String PENDING_SUFFIX = GOLDEN_SUFFIX + ".new";

  /** The workflow's file name without {@code .yaml}/{@code .yml}. */
  public String stem() {
    String n = workflow.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  public Path golden() {
    return workflow.resolveSibling(stem() + GOLDEN_SUFFIX);
  }

  public Path pending() {
    return workflow.resolveSibling(stem() + PENDING_SUFFIX);
  }

  /** Whether the file is a golden or a pending golden, by its name. */
  public static boolean isGoldenFile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(GOLDEN_SUFFIX) || n.endsWith(PENDING_SUFFIX);
  }

  /**
   * The scenario a golden or pending file belongs to, or null when no workflow sits beside it
   * (the file is unreferenced: its workflow was renamed or deleted).
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
    for (String ext : new String[] {".yaml", ".yml"}) {
      Path w = goldenFile.resolveSibling(stem + ext);
      if (Files.isRegularFile(w)) {
        return new Scenario(w);
      }
    }
    return null;
  }
}
