package io.aiosim.conformance;

/** Where two reports part: the first differing line, with the lines before it. */
final class ReportDiff {
  private static final int CONTEXT = 3;

  private ReportDiff() {}

  static String describe(String expected, String actual, String expectedName, String actualName) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int i = 0;
    while (i < e.length && i < a.length && e[i].equals(a[i])) {
      i++;
    }
    StringBuilder sb = new StringBuilder("first difference at line " + (i + 1) + ":\n");
    for (int j = Math.max(0, i - CONTEXT); j < i; j++) {
      sb.append("    ").append(e[j]).append('\n');
    }
    sb.append(String.format("  %-13s %s%n", expectedName + ":", i < e.length ? e[i] : "<end>"));
    sb.append(String.format("  %-13s %s%n", actualName + ":", i < a.length ? a[i] : "<end>"));
    return sb.toString();
  }
}
