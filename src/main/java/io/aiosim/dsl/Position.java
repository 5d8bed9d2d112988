package io.aiosim.dsl;

/** Where something is in a workflow file; line and column count from 1. */
public record Position(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
