package io.aiosim.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Python's {@code str.isidentifier()} (SPEC 3: an error type is any Python identifier, non-ASCII
 * letters included): a first character of XID_Start or {@code _}, then XID_Continue. Java's own
 * identifier predicates follow a newer Unicode and ID_* rather than XID_*, so the non-ASCII code
 * points come from a table taken from CPython 3.12.1 (identifier-ranges.txt), loaded on first use.
 */
public final class PythonIdentifier {
  private PythonIdentifier() {}

  public static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int first = s.codePointAt(0);
    if (!(first < 0x80 ? first == '_' || Character.isLetter(first) : Table.START.contains(first))) {
      return false;
    }
    for (int k = Character.charCount(first); k < s.length(); ) {
      int c = s.codePointAt(k);
      boolean ok = c < 0x80 ? c == '_' || Character.isLetterOrDigit(c) : Table.CONTINUE.contains(c);
      if (!ok) {
        return false;
      }
      k += Character.charCount(c);
    }
    return true;
  }

  /** Sorted, disjoint inclusive ranges {@code [lo0, hi0, lo1, hi1, ...]}. */
  private record Ranges(int[] bounds) {
    boolean contains(int c) {
      int i = Arrays.binarySearch(bounds, c);
      // Found: c is a bound. Not found: inside a range when the insertion point is odd.
      return i >= 0 || (-i - 1) % 2 == 1;
    }

    static Ranges parse(String line) {
      String[] parts = line.strip().split(" ");
      int[] bounds = new int[parts.length * 2];
      for (int k = 0; k < parts.length; k++) {
        int dash = parts[k].indexOf('-');
        bounds[2 * k] = Integer.parseInt(parts[k], 0, dash, 16);
        bounds[2 * k + 1] = Integer.parseInt(parts[k], dash + 1, parts[k].length(), 16);
      }
      return new Ranges(bounds);
    }
  }

  /** The table, loaded when the first non-ASCII character is checked. */
  private static final class Table {
    static final Ranges START;
    static final Ranges CONTINUE;

    static {
      try (InputStream in = PythonIdentifier.class.getResourceAsStream("identifier-ranges.txt")) {
        if (in == null) {
          throw new IllegalStateException("identifier-ranges.txt missing from the jar");
        }
        String[] lines =
            new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        START = Ranges.parse(lines[0]);
        CONTINUE = Ranges.parse(lines[1]);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
