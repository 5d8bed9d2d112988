package io.aiosim.explore;

/**
 * The orders of a tie, as arrays of positions, walked in lexicographic order from FIFO (the
 * order {@link Explorer} walks them; public for the benchmark that retraces that walk).
 */
public final class Permutations {
  private Permutations() {}

  /** FIFO: {@code 0, 1, ..., k-1}. */
  public static int[] identity(int k) {
    int[] p = new int[k];
    for (int i = 0; i < k; i++) {
      p[i] = i;
    }
    return p;
  }

  /**
   * Turns {@code p} into the next permutation in lexicographic order (Knuth's algorithm L);
   * false, leaving it unchanged, when it is the last one.
   */
  public static boolean next(int[] p) {
    int i = p.length - 2;
    while (i >= 0 && p[i] >= p[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = p.length - 1;
    while (p[j] <= p[i]) {
      j--;
    }
    swap(p, i, j);
    for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
      swap(p, a, b);
    }
    return true;
  }

  /**
   * Pairs run in the other order than FIFO: 0 for FIFO, how far an order is from it. Counted
   * with a Fenwick tree over the positions seen so far, O(k log k): a tie can hold thousands of
   * timers (a counted task's copies sleeping alike), and every schedule run is weighed.
   */
  public static long inversions(int[] p) {
    int[] tree = new int[p.length + 1];
    long n = 0;
    for (int i = p.length - 1; i >= 0; i--) {
      for (int j = p[i]; j > 0; j -= j & -j) { // positions after i that are smaller than p[i]
        n += tree[j];
      }
      for (int j = p[i] + 1; j <= p.length; j += j & -j) {
        tree[j]++;
      }
    }
    return n;
  }

  private static void swap(int[] p, int i, int j) {
    int t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
}
