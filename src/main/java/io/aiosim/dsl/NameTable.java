package io.aiosim.dsl;

import java.util.Arrays;

/**
 * Task names one by one, each with the position of its first use, kept as a name is kept in a
 * {@link TaskSpec}: a template and the index that replaces {@code {i}} in it. A name is formatted
 * into a buffer to be hashed and, on a hash match, compared, so that a name costs no string: an
 * open-addressing table over parallel arrays, about 24 bytes a name where a {@code HashMap} of
 * strings took about 80. {@link NameSet} keeps the copies of a count as runs instead, and names
 * here only what runs cannot answer quickly.
 */
final class NameTable {
  private String[] templates = new String[16];
  /** The index that replaces {@code {i}} in the template, or -1 when the template is the name. */
  private int[] indexes = new int[16];
  private Position[] firsts = new Position[16];
  private int[] hashes = new int[16];
  /** Entry + 1 in the slot the name's hash leads to (linear probing); 0 for an empty slot. */
  private int[] slots = new int[32];
  private int size;
  private final StringBuilder name = new StringBuilder();
  private final StringBuilder other = new StringBuilder();

  /**
   * Adds the name {@code template} with {@code {i}} replaced by {@code index} ({@code template}
   * itself when {@code index < 0}), first used at {@code pos}; returns the position of its first
   * use instead when it is there already.
   */
  Position putIfAbsent(String template, int index, Position pos) {
    format(template, index, name);
    int hash = 0;
    for (int k = 0; k < name.length(); k++) hash = 31 * hash + name.charAt(k);
    int mask = slots.length - 1;
    for (int s = spread(hash) & mask; ; s = (s + 1) & mask) {
      int e = slots[s] - 1;
      if (e < 0) {
        add(s, template, index, pos, hash);
        return null;
      }
      if (hashes[e] == hash) {
        format(templates[e], indexes[e], other);
        if (CharSequence.compare(name, other) == 0) return firsts[e];
      }
    }
  }

  private static void format(String template, int index, StringBuilder out) {
    out.setLength(0);
    TaskSpec.appendName(template, index, out);
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private void add(int slot, String template, int index, Position pos, int hash) {
    if (size == templates.length) {
      int n = size * 2;
      templates = Arrays.copyOf(templates, n);
      indexes = Arrays.copyOf(indexes, n);
      firsts = Arrays.copyOf(firsts, n);
      hashes = Arrays.copyOf(hashes, n);
    }
    templates[size] = template;
    indexes[size] = index;
    firsts[size] = pos;
    hashes[size] = hash;
    slots[slot] = ++size;
    if (2 * size > slots.length) rehash();
  }

  /** Twice the slots, at most half of them used: probes stay short. */
  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int e = 0; e < size; e++) {
      int s = spread(hashes[e]) & mask;
      while (slots[s] != 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
  }
}
