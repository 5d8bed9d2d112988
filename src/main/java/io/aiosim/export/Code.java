package io.aiosim.export;

/** Python source being written: lines at an indentation level (four spaces a level). */
final class Code {
  private final StringBuilder out = new StringBuilder();
  private int level;

  Code line(String text) {
    out.repeat("    ", level).append(text).append('\n');
    return this;
  }

  Code blank() {
    out.append('\n');
    return this;
  }

  Code raw(String text) {
    out.append(text);
    return this;
  }

  Code indent() {
    level++;
    return this;
  }

  Code dedent() {
    if (level == 0) {
      throw new IllegalStateException("dedent below column 0");
    }
    level--;
    return this;
  }

  /** The length written so far: a mark for {@link #passIfEmptySince}. */
  int length() {
    return out.length();
  }

  /** Adds {@code pass} when nothing was written since {@code mark} (an empty Python block). */
  Code passIfEmptySince(int mark) {
    return out.length() == mark ? line("pass") : this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
