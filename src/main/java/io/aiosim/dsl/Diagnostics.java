package io.aiosim.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems of one file, collected rather than thrown (jlox's {@code hadError}): duplicates
 * (the same message at the same place, as a {@code count} expansion repeats them) are dropped,
 * and a flood of them is cut short so that a hostile file cannot make the report huge.
 */
final class Diagnostics {
  static final int MAX = 100;

  private final List<Diagnostic> list = new ArrayList<>();
  private final Set<Diagnostic> seen = new HashSet<>();
  private int dropped;
  private Position firstDropped;

  void add(Position pos, String message) {
    add(new Diagnostic(pos, message));
  }

  void add(Diagnostic d) {
    if (!seen.add(d)) return;
    if (list.size() < MAX) {
      list.add(d);
    } else if (dropped++ == 0) {
      firstDropped = d.position();
    }
  }

  void addAll(List<Diagnostic> ds) {
    ds.forEach(this::add);
  }

  int size() {
    return list.size() + dropped;
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** Where problems were reported, those cut short included. */
  Set<Position> positions() {
    Set<Position> out = new HashSet<>();
    for (Diagnostic d : seen) out.add(d.position());
    return out;
  }

  /** The problems in the order found, ordered by position for reading. */
  List<Diagnostic> toList() {
    List<Diagnostic> out = new ArrayList<>(list);
    out.sort(
        (a, b) ->
            a.position().line() != b.position().line()
                ? Integer.compare(a.position().line(), b.position().line())
                : Integer.compare(a.position().column(), b.position().column()));
    if (dropped > 0) {
      out.add(new Diagnostic(firstDropped, "... and " + dropped + " more problems not shown"));
    }
    return List.copyOf(out);
  }
}
