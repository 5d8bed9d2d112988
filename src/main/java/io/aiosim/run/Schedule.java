package io.aiosim.run;

import java.util.Arrays;

/**
 * A schedule (SPEC 9): the order chosen at each tie of a run, the ties numbered from 1 in the
 * order the run meets them. Only the ties not run first in, first out are written, so a token
 * reads "FIFO everywhere except ...":
 *
 * <pre>
 * token := "s1:" [ entry { "," entry } ]      entries by increasing tie number
 * entry := TIE "=" POS "." POS { "." POS }    TIE >= 1; the POS are 0..k-1 for a tie of k timers,
 *                                             each once, not in increasing order (that is FIFO)
 * </pre>
 *
 * A tie's timers are numbered by the order they were set (0 = set first, the one FIFO runs
 * first), and the entry lists them in the order they run: {@code s1:2=1.0} runs the second
 * tie's later timer first and every other tie FIFO; {@code s1:} alone is the default schedule.
 * "s1" is the notation's version: a token of another version is refused, never guessed at.
 *
 * {@snippet :
 * Schedule s = Schedule.parse("s1:2=1.0");   // IllegalArgumentException, with the reason, if malformed
 * RunResult r = Simulation.run(workflow, ClockKind.VIRTUAL, new Simulation.Options(true, s));
 * }
 */
public final class Schedule {
  public static final String PREFIX = "s1:";
  /** First in, first out at every tie: the reference loop's order (SPEC 5). */
  public static final Schedule FIFO = new Schedule(new int[0], new int[0][]);

  private final int[] ties;
  private final int[][] orders;
  private final String token;

  private Schedule(int[] ties, int[][] orders) {
    this.ties = ties;
    this.orders = orders;
    StringBuilder sb = new StringBuilder(PREFIX);
    for (int i = 0; i < ties.length; i++) {
      sb.append(i == 0 ? "" : ",").append(ties[i]).append('=');
      for (int j = 0; j < orders[i].length; j++) {
        sb.append(j == 0 ? "" : ".").append(orders[i][j]);
      }
    }
    this.token = sb.toString();
  }

  /**
   * The schedule that runs tie {@code ties[i]} in {@code orders[i]} and every other tie FIFO;
   * entries whose order is FIFO are left out. The ties must increase and each order be a
   * permutation of its tie's positions.
   */
  public static Schedule of(int[] ties, int[][] orders) {
    int n = 0;
    int[] t = new int[ties.length];
    int[][] o = new int[ties.length][];
    for (int i = 0; i < ties.length; i++) {
      if (ties[i] < 1 || (i > 0 && ties[i] <= ties[i - 1]) || !isPermutation(orders[i])) {
        throw new IllegalArgumentException("not a schedule: tie " + ties[i] + " " + Arrays.toString(orders[i]));
      }
      if (!isIdentity(orders[i])) {
        t[n] = ties[i];
        o[n++] = orders[i].clone();
      }
    }
    return n == 0 ? FIFO : new Schedule(Arrays.copyOf(t, n), Arrays.copyOf(o, n));
  }

  /**
   * Reads a token as {@code explore} prints it.
   *
   * @throws IllegalArgumentException saying what is wrong with it, for the user
   */
  public static Schedule parse(String token) {
    if (token.isEmpty()) {
      throw bad(token, "it is empty (the default order is s1:)");
    }
    if (!token.startsWith(PREFIX)) {
      int colon = token.indexOf(':');
      String head = colon > 0 ? token.substring(0, colon) : "";
      throw head.matches("s[0-9]+")
          ? bad(token, "it is written in notation " + head + ", and this aiosim reads only s1")
          : bad(token, "a schedule token starts with s1: (as `aiosim explore` prints it, e.g. s1:2=1.0)");
    }
    String body = token.substring(PREFIX.length());
    if (body.isEmpty()) {
      return FIFO;
    }
    String[] entries = body.split(",", -1);
    int[] ties = new int[entries.length];
    int[][] orders = new int[entries.length][];
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i];
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw bad(token, "entry " + (i + 1) + " (" + printable(entry) + ") is not TIE=ORDER, such as 2=1.0");
      }
      ties[i] = number(token, entry.substring(0, eq), "a tie number");
      if (ties[i] < 1) {
        throw bad(token, "ties are numbered from 1, not " + ties[i]);
      }
      if (i > 0 && ties[i] <= ties[i - 1]) {
        throw bad(token, "tie " + ties[i] + " comes after tie " + ties[i - 1] + ": list each tie once, in increasing order");
      }
      String[] positions = entry.substring(eq + 1).split("\\.", -1);
      int[] order = new int[positions.length];
      for (int j = 0; j < positions.length; j++) {
        order[j] = number(token, positions[j], "a timer position");
      }
      if (order.length < 2 || !isPermutation(order)) {
        throw bad(token, "tie " + ties[i] + ": " + entry.substring(eq + 1)
            + " is not an order of a tie's timers (each of 0.." + Math.max(1, order.length - 1) + " once, dot-separated)");
      }
      if (isIdentity(order)) {
        throw bad(token, "tie " + ties[i] + ": " + entry.substring(eq + 1)
            + " is the default (FIFO) order; leave the tie out of the token");
      }
      orders[i] = order;
    }
    return new Schedule(ties, orders);
  }

  /** The token, as {@code explore} prints it and {@code run --schedule} reads it. */
  public String token() {
    return token;
  }

  /** Whether this is FIFO at every tie, the reference loop's order. */
  public boolean isDefault() {
    return ties.length == 0;
  }

  /** How many ties it runs in another order than FIFO. */
  public int deviations() {
    return ties.length;
  }

  /** The number (from 1) of the {@code i}-th tie it does not run FIFO. */
  public int tie(int i) {
    return ties[i];
  }

  /** The order of the {@code i}-th tie it does not run FIFO (a copy). */
  public int[] order(int i) {
    return orders[i].clone();
  }

  int[] orderNoCopy(int i) {
    return orders[i];
  }

  /** The same schedule without its {@code i}-th entry: FIFO at that tie. */
  public Schedule without(int i) {
    int[] t = new int[ties.length - 1];
    int[][] o = new int[ties.length - 1][];
    for (int j = 0, k = 0; j < ties.length; j++) {
      if (j != i) {
        t[k] = ties[j];
        o[k++] = orders[j];
      }
    }
    return of(t, o);
  }

  /** The same schedule with its {@code i}-th entry's order replaced (left out when FIFO). */
  public Schedule with(int i, int[] order) {
    int[][] o = orders.clone();
    o[i] = order;
    return of(ties, o);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule s && s.token.equals(token);
  }

  @Override
  public int hashCode() {
    return token.hashCode();
  }

  @Override
  public String toString() {
    return token;
  }

  static boolean isPermutation(int[] order) {
    boolean[] seen = new boolean[order.length];
    for (int p : order) {
      if (p < 0 || p >= order.length || seen[p]) {
        return false;
      }
      seen[p] = true;
    }
    return true;
  }

  static boolean isIdentity(int[] order) {
    for (int j = 0; j < order.length; j++) {
      if (order[j] != j) {
        return false;
      }
    }
    return true;
  }

  /** A decimal number without sign or leading zeros that fits an int. */
  private static int number(String token, String digits, String what) {
    if (!digits.matches("0|[1-9][0-9]{0,9}")) {
      throw bad(token, "\"" + printable(digits) + "\" is not " + what + " (a decimal number)");
    }
    long n = Long.parseLong(digits);
    if (n > Integer.MAX_VALUE) {
      throw bad(token, digits + " is too large for " + what);
    }
    return (int) n;
  }

  private static IllegalArgumentException bad(String token, String why) {
    return new IllegalArgumentException("not a valid schedule token \"" + printable(token) + "\": " + why);
  }

  /** The token as it can be shown on a terminal: long ones cut, control and non-ASCII escaped. */
  private static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 60) + "..." + s.substring(s.length() - 10) : s;
    StringBuilder sb = new StringBuilder();
    cut.codePoints()
        .forEach(c -> {
          if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            sb.append((char) c);
          } else {
            sb.append(c < 0x10000 ? "\\u%04x".formatted(c) : "\\U%08x".formatted(c));
          }
        });
    return sb.toString();
  }
}
