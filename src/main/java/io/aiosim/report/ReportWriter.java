package io.aiosim.report;

import io.aiosim.dsl.StrategySpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes a report (SPEC 6) with Jackson's streaming generator, never as a tree: keys in SPEC's
 * order, numbers as Python prints them, non-ASCII as lowercase {@code \\uXXXX} like {@code
 * json.dumps}, and the layout byte for byte (top-level keys and each task, event and warning on
 * its own line; everything deeper inline with {@code ", "} and {@code ": "}).
 */
public final class ReportWriter {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // several reports may share one output
          .build();

  private ReportWriter() {}

  /** The SPEC 6 layout, ending with a newline. */
  public static void write(RunResult r, Writer out) {
    emit(r, out, new Layout(true));
    newline(out);
  }

  /** One line ({@code --format jsonl}), ending with a newline. */
  public static void writeLine(RunResult r, Writer out) {
    emit(r, out, new Layout(false));
    newline(out);
  }

  public static String toJson(RunResult r) {
    StringWriter w = new StringWriter();
    write(r, w);
    return w.toString();
  }

  private static void newline(Writer out) {
    try {
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void emit(RunResult r, Writer out, Layout layout) {
    ObjectWriteContext ctx =
        new ObjectWriteContext.Base() {
          @Override
          public PrettyPrinter getPrettyPrinter() {
            return layout;
          }

          @Override
          public boolean hasPrettyPrinter() {
            return true;
          }
        };
    try (JsonGenerator g = FACTORY.createGenerator(ctx, out)) {
      g.writeStartObject();
      g.writeStringProperty("workflow", r.workflow());
      g.writeName("strategy");
      writeStrategy(g, r.strategy());
      g.writeStringProperty("clock", r.clock());
      g.writeName("outcome");
      writeOutcome(g, r.outcome());
      g.writeName("tasks");
      g.writeStartArray();
      for (TaskReport t : r.tasks()) {
        writeTask(g, t);
      }
      g.writeEndArray();
      g.writeName("events");
      g.writeStartArray();
      for (Event e : r.events()) {
        writeEvent(g, e);
      }
      g.writeEndArray();
      g.writeName("warnings");
      g.writeStartArray();
      for (Warning w : r.warnings()) {
        g.writeStartObject();
        g.writeStringProperty("message", w.message());
        g.writeStringProperty("task", w.task());
        g.writeName("error");
        writeValue(g, w.error());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("finished_at");
      g.writeNumber(PyNumbers.seconds(r.finishedAtNs()));
      g.writeEndObject();
    }
  }

  private static void writeStrategy(JsonGenerator g, StrategySpec s) {
    g.writeStartObject();
    g.writeStringProperty("kind", s.kind().key());
    switch (s.kind()) {
      case GATHER -> g.writeBooleanProperty("return_exceptions", s.returnExceptions());
      case AS_COMPLETED -> g.writeStringProperty("on_error", s.onError().key());
      case WAIT -> {
        g.writeStringProperty("return_when", s.returnWhen().name());
        g.writeBooleanProperty("cancel_pending", s.cancelPending());
      }
      case CREATE_TASK -> {
        g.writeName("await");
        writeValue(g, s.await());
      }
      case TASKGROUP -> {}
    }
    if (s.timeoutNs() != null) {
      g.writeName("timeout");
      g.writeNumber(PyNumbers.seconds(s.timeoutNs()));
    }
    g.writeEndObject();
  }

  private static void writeOutcome(JsonGenerator g, Outcome o) {
    g.writeStartObject();
    g.writeStringProperty("status", o.returned() ? "returned" : "raised");
    g.writeName("at");
    g.writeNumber(PyNumbers.seconds(o.atNs()));
    g.writeName(o.returned() ? "value" : "error");
    writeValue(g, o.returned() ? o.value() : o.error());
    g.writeEndObject();
  }

  private static void writeTask(JsonGenerator g, TaskReport t) {
    g.writeStartObject();
    g.writeStringProperty("name", t.name());
    g.writeStringProperty("state", t.state().key());
    switch (t.state()) {
      case COMPLETED -> {
        g.writeName("result");
        writeValue(g, t.result());
      }
      case FAILED -> {
        g.writeName("error");
        writeValue(g, t.error());
      }
      case CANCELLED -> g.writeStringProperty("cancelled_by", t.cancelledBy());
      case PENDING -> {}
    }
    writeTime(g, "started_at", t.startedAtNs());
    writeTime(g, "finished_at", t.finishedAtNs());
    if (t.parent() != null) {
      g.writeStringProperty("parent", t.parent());
    }
    g.writeEndObject();
  }

  private static void writeEvent(JsonGenerator g, Event e) {
    g.writeStartObject();
    g.writeName("t");
    g.writeNumber(PyNumbers.seconds(e.tNs()));
    g.writeStringProperty("task", e.task());
    g.writeStringProperty("event", e.kind().key());
    if (e.kind().detailKey() != null) {
      g.writeName(e.kind().detailKey());
      writeValue(g, e.detail());
    }
    g.writeEndObject();
  }

  private static void writeTime(JsonGenerator g, String name, Long ns) {
    g.writeName(name);
    if (ns == null) {
      g.writeNull();
    } else {
      g.writeNumber(PyNumbers.seconds(ns));
    }
  }

  /** A workflow value: YAML types kept, floats as Python's repr, errors as error objects. */
  static void writeValue(JsonGenerator g, Object v) {
    switch (v) {
      case null -> g.writeNull();
      case String s -> g.writeString(s);
      case Boolean b -> g.writeBoolean(b);
      case Long l -> g.writeNumber(l);
      case Integer i -> g.writeNumber(i);
      case BigInteger b -> g.writeNumber(b);
      case Double d -> g.writeNumber(PyNumbers.floatRepr(d));
      case List<?> list -> {
        g.writeStartArray();
        for (Object item : list) {
          writeValue(g, item);
        }
        g.writeEndArray();
      }
      case Map<?, ?> map -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          g.writeName(String.valueOf(entry.getKey()));
          writeValue(g, entry.getValue());
        }
        g.writeEndObject();
      }
      case ErrorValue err -> {
        g.writeStartObject();
        g.writeStringProperty("type", err.type());
        g.writeStringProperty("message", err.message());
        if (err.exceptions() != null) {
          g.writeName("exceptions");
          writeValue(g, err.exceptions());
        }
        g.writeEndObject();
      }
      default -> throw new IllegalStateException("not a report value: " + v.getClass());
    }
  }

  /**
   * SPEC 6's layout as a Jackson PrettyPrinter: the root object and its arrays one item a line,
   * everything deeper inline. Depth is tracked here: 1 = root object, 2 = its values.
   */
  private static final class Layout implements PrettyPrinter {
    private final boolean multiline;
    private int depth;

    Layout(boolean multiline) {
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
}
