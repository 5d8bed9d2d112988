package io.aiosim.report;

import io.aiosim.dsl.Values;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** A workflow value as a report writes it ({@link ReportWriter}). */
final class ValueJson {
  private ValueJson() {}

  /** A workflow value: YAML types kept, floats as Python's repr, errors as error objects. */
  static void write(JsonGenerator g, Object v) {
    // instanceof, not a pattern switch: see engine.Task.stepRunAndHandleResult.
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (v instanceof java.math.BigDecimal d) {
      g.writeNumber(d); // an expectation's number, as written
    } else if (v instanceof Double d) {
      g.writeNumber(Values.pythonRepr(d));
    } else if (v instanceof IntList ints) {
      g.writeStartArray();
      for (int k = 0, n = ints.size(); k < n; k++) {
        g.writeNumber(ints.intAt(k));
      }
      g.writeEndArray();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        g.writeName(String.valueOf(entry.getKey()));
        write(g, entry.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof ErrorValue err) {
      g.writeStartObject();
      g.writeStringProperty("type", err.type());
      g.writeStringProperty("message", err.message());
      if (err.exceptions() != null) {
        g.writeName("exceptions");
        write(g, err.exceptions());
      }
      g.writeEndObject();
    } else {
      throw new IllegalStateException("not a report value: " + v.getClass());
    }
  }
}
