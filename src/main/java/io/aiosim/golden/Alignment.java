package io.aiosim.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines up two sequences by their longest common subsequence (the alignment diff(1) and sdiff
 * print), so that one inserted event shows as one inserted line rather than a cascade of
 * changes. The common prefix and suffix are trimmed first; a middle too large for the quadratic
 * table is treated as one changed block.
 */
final class Alignment {
  /** How a row of the alignment relates the two sides. */
  enum Kind {
    SAME,
    CHANGED,
    ONLY_EXPECTED,
    ONLY_ACTUAL
  }

  /** One row: indices into the expected and actual sequences, -1 where a side has nothing. */
  record Row(Kind kind, int expected, int actual) {}

  private static final long MAX_TABLE = 4_000_000;

  private Alignment() {}

  static List<Row> of(List<String> expected, List<String> actual) {
    int n = expected.size();
    int m = actual.size();
    int lo = 0;
    while (lo < n && lo < m && expected.get(lo).equals(actual.get(lo))) {
      lo++;
    }
    int hiE = n;
    int hiA = m;
    while (hiE > lo && hiA > lo && expected.get(hiE - 1).equals(actual.get(hiA - 1))) {
      hiE--;
      hiA--;
    }
    List<Row> rows = new ArrayList<>(Math.max(n, m));
    for (int i = 0; i < lo; i++) {
      rows.add(new Row(Kind.SAME, i, i));
    }
    middle(expected, actual, lo, hiE, lo, hiA, rows);
    for (int i = 0; hiE + i < n; i++) {
      rows.add(new Row(Kind.SAME, hiE + i, hiA + i));
    }
    return rows;
  }

  private static void middle(
      List<String> e, List<String> a, int e0, int e1, int a0, int a1, List<Row> rows) {
    int n = e1 - e0;
    int m = a1 - a0;
    if ((long) (n + 1) * (m + 1) > MAX_TABLE) {
      block(e0, e1, a0, a1, rows);
      return;
    }
    // lcs[i][j] = LCS length of e[e0+i..e1) and a[a0+j..a1), walked forwards afterwards.
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            e.get(e0 + i).equals(a.get(a0 + j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    int blockE = 0;
    int blockA = 0;
    while (i < n || j < m) {
      if (i < n && j < m && e.get(e0 + i).equals(a.get(a0 + j))) {
        block(e0 + blockE, e0 + i, a0 + blockA, a0 + j, rows);
        rows.add(new Row(Kind.SAME, e0 + i, a0 + j));
        i++;
        j++;
        blockE = i;
        blockA = j;
      } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
        i++;
      } else {
        j++;
      }
    }
    block(e0 + blockE, e0 + n, a0 + blockA, a0 + m, rows);
  }

  /** A run with nothing in common: pair rows as changes, then the surplus of either side. */
  private static void block(int e0, int e1, int a0, int a1, List<Row> rows) {
    int paired = Math.min(e1 - e0, a1 - a0);
    for (int k = 0; k < paired; k++) {
      rows.add(new Row(Kind.CHANGED, e0 + k, a0 + k));
    }
    for (int k = e0 + paired; k < e1; k++) {
      rows.add(new Row(Kind.ONLY_EXPECTED, k, -1));
    }
    for (int k = a0 + paired; k < a1; k++) {
      rows.add(new Row(Kind.ONLY_ACTUAL, -1, k));
    }
  }
}
