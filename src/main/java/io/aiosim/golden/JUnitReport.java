package io.aiosim.golden;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The checks as JUnit XML, the format CI systems (Jenkins, GitLab, GitHub annotations) read:
 * one {@code <testcase>} per scenario, named by its file, classname its folder; a failure
 * carries the same explanation the terminal shows, a broken runner is an {@code <error>}, and
 * a golden pending review is {@code <skipped>}.
 */
public final class JUnitReport {
  private JUnitReport() {}

  public static void write(Path file, List<Verdict> verdicts) throws IOException {
    try {
      AtomicWrite.replace(file, xml(verdicts));
    } catch (IOException e) {
      throw FileError.of(file, e);
    }
  }

  static String xml(List<Verdict> verdicts) {
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    long nanos = 0;
    for (Verdict v : verdicts) {
      if (v.internal()) {
        errors++;
      } else if (v.failed()) {
        failures++;
      } else if (v.pending()) {
        skipped++;
      }
      nanos += v.nanos();
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    String counts =
        String.format(
            "tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%s\"",
            verdicts.size(), failures, errors, skipped, seconds(nanos));
    sb.append("<testsuites name=\"aiosim\" ").append(counts).append(">\n");
    sb.append("  <testsuite name=\"aiosim test\" ").append(counts).append(">\n");
    for (Verdict v : verdicts) {
      Path w = v.scenario().workflow();
      sb.append("    <testcase classname=\"").append(escape(classname(w)))
          .append("\" name=\"").append(escape(w.getFileName() + pythonPart(v.scenario())))
          .append("\" file=\"").append(escape(w.toString()))
          .append("\" time=\"").append(seconds(v.nanos())).append('"');
      if (v.internal() || v.failed()) {
        String tag = v.internal() ? "error" : "failure";
        sb.append(">\n      <").append(tag).append(" message=\"").append(escape(message(v)))
            .append("\">").append(escape(String.join("\n", v.details())))
            .append("</").append(tag).append(">\n    </testcase>\n");
      } else if (v.pending()) {
        sb.append(">\n      <skipped message=\"").append(escape(message(v)))
            .append("\"/>\n    </testcase>\n");
      } else {
        sb.append("/>\n");
      }
    }
    sb.append("  </testsuite>\n</testsuites>\n");
    return sb.toString();
  }

  /**
   * The workflow's folder as a dotted name ({@code workflows/seed/x.yaml}: {@code
   * workflows.seed}), as CI systems group test cases by it; {@code .} and {@code ..} parts are
   * dropped, and a workflow in the current folder is in {@code aiosim}.
   */
  /** A version other than the workflow's own is a test case of its own: {@code x.yaml [python 3.13]}. */
  private static String pythonPart(Scenario s) {
    return s.python() == null ? "" : " [python " + s.python() + "]";
  }

  static String classname(Path workflow) {
    Path dir = workflow.normalize().getParent();
    StringBuilder sb = new StringBuilder();
    if (dir != null) {
      for (Path part : dir) {
        String p = part.toString();
        if (p.isEmpty() || p.equals(".") || p.equals("..")) {
          continue;
        }
        sb.append(sb.isEmpty() ? "" : ".").append(p);
      }
    }
    return sb.isEmpty() ? "aiosim" : sb.toString();
  }

  private static String message(Verdict v) {
    return v.status() + (v.note() == null ? "" : ": " + v.note());
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  /** XML text and attribute escaping; characters XML 1.0 cannot carry become U+FFFD. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n', '\t', '\r' -> sb.appendCodePoint(c);
                default -> {
                  boolean legal =
                      (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                  sb.appendCodePoint(legal ? c : 0xFFFD);
                }
              }
            });
    return sb.toString();
  }
}
