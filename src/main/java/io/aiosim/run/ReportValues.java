package io.aiosim.run;

import io.aiosim.engine.PyException;
import io.aiosim.report.ErrorValue;
import io.aiosim.report.IntList;
import java.util.ArrayList;
import java.util.List;

/** Python values and exceptions as a report holds them (SPEC 6). */
final class ReportValues {
  private ReportValues() {}

  /** A Python value as the report holds it: exceptions in it become {@link ErrorValue}s. */
  static Object value(Object v) {
    // instanceof, not a pattern switch: see Task.stepRunAndHandleResult.
    if (v instanceof PyException e) {
      return error(e);
    } else if (v instanceof List<?> l) {
      IntList ints = IntList.of(l);
      if (ints != null) return ints;
      List<Object> out = null;
      for (int k = 0; k < l.size(); k++) {
        Object x = l.get(k);
        Object y = value(x);
        if (y != x && out == null) {
          out = new ArrayList<>(l.subList(0, k));
        }
        if (out != null) {
          out.add(y);
        }
      }
      return out == null ? l : out;
    } else if (v instanceof java.util.Map<?, ?> m) {
      java.util.LinkedHashMap<Object, Object> out = null;
      for (var e : m.entrySet()) {
        Object y = value(e.getValue());
        if (y != e.getValue() && out == null) {
          out = new java.util.LinkedHashMap<>(m);
        }
        if (out != null) {
          out.put(e.getKey(), y);
        }
      }
      return out == null ? m : out;
    }
    return v;
  }

  static ErrorValue error(PyException e) {
    if (e == null) {
      return null;
    }
    if (e.exceptions() == null) {
      return new ErrorValue(e.type(), e.pyMessage());
    }
    List<ErrorValue> inner = new ArrayList<>(e.exceptions().size());
    for (PyException x : e.exceptions()) {
      inner.add(error(x));
    }
    return new ErrorValue(e.type(), e.pyMessage(), inner);
  }
}
