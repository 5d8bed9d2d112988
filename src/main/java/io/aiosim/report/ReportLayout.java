package io.aiosim.report;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * SPEC 6's layout as a Jackson PrettyPrinter: the root object and its arrays one item a line,
 * everything deeper inline. Depth is tracked here: 1 = root object, 2 = its values.
 */
final class ReportLayout implements PrettyPrinter {
  private final boolean multiline;
  private int depth;

  ReportLayout(boolean multiline) {
    this.multiline = multiline;
  }

  private boolean rootLevel(int d) {
    return multiline && depth == d;
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) {}

  @Override
  public void writeStartObject(JsonGenerator g) {
    g.writeRaw('{');
    depth++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) {
    if (rootLevel(1)) {
      g.writeRaw("\n  ");
    }
  }

  @Override
  public void writeObjectNameValueSeparator(JsonGenerator g) {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) {
    g.writeRaw(rootLevel(1) ? ",\n  " : ", ");
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) {
    g.writeRaw(rootLevel(1) && entries > 0 ? "\n}" : "}");
    depth--;
  }

  @Override
  public void writeStartArray(JsonGenerator g) {
    g.writeRaw('[');
    depth++;
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) {
    if (rootLevel(2)) {
      g.writeRaw("\n    ");
    }
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) {
    g.writeRaw(rootLevel(2) ? ",\n    " : ", ");
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) {
    g.writeRaw(rootLevel(2) && values > 0 ? "\n  ]" : "]");
    depth--;
  }
}
