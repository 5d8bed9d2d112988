package io.aiosim.dsl;

import java.util.Collection;

/** "did you mean" for misspelt keys, kinds and task names: the closest candidate, if close. */
final class DidYouMean {
  private DidYouMean() {}

  /** Beyond this many candidates (the names of a counted task's copies) no suggestion is sought. */
  static final int MAX_CANDIDATES = 10_000;

  /**
   * The candidate nearest to {@code word} by edit distance, or null if none is near enough. The
   * work is bounded: a long word or a huge candidate set gets no suggestion (300 unknown names in
   * {@code await} against a million tasks took minutes).
   */
  static String suggest(String word, Collection<String> candidates) {
    if (word.length() > 200 || candidates.size() > MAX_CANDIDATES) return null;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    for (String c : candidates) {
      if (Math.abs(c.length() - word.length()) > limit) continue;
      int d = distance(word.toLowerCase(), c.toLowerCase());
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** " (did you mean 'x'?)" or "". */
  static String hint(String word, Collection<String> candidates) {
    String s = suggest(word, candidates);
    return s == null ? "" : "; did you mean '" + s + "'?";
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
  static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) d[i][0] = i;
    for (int j = 0; j <= m; j++) d[0][j] = j;
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[n][m];
  }
}
