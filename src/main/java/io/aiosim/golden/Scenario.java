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

  /** The scenario a pending file belongs to, or null when no workflow sits beside it. */
  public static Scenario ofPending(Path pending) {
    String n = pending.getFileName().toString();
    if (!n.endsWith(PENDING_SUFFIX)) {
      return null;
    }
    String stem = n.substring(0, n.length() - PENDING_SUFFIX.length());
    for (String ext : new String[] {".yaml", ".yml"}) {
      Path w = pending.resolveSibling(stem + ext);
      if (Files.isRegularFile(w)) {
        return new Scenario(w);
      }
    }
    return null;
  }
}
