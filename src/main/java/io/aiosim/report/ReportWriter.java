package io.aiosim.report;

import io.aiosim.dsl.StrategySpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
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
          // json.dumps escapes every character outside space..~, DEL (U+007F) included: the
          // non-ASCII ones by this limit, DEL through the ASCII table (the limit skips ASCII)
          .highestNonEscapedChar(0x7E)
          .characterEscapes(new PythonEscapes())
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // several reports may share one output
          .build();

  private ReportWriter() {}

  /** JSON's standard escapes plus DEL (U+007F), as Python's {@code json.dumps} writes them. */
  private static final class PythonEscapes extends CharacterEscapes {
    private static final int[] ASCII = asciiEscapes();

    private static int[] asciiEscapes() {
      int[] esc = CharacterEscapes.standardAsciiEscapesForJSON();
      esc[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
      return esc;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // everything else: the standard six-character escape
    }
  }

  /** The SPEC 6 layout, ending with a newline. */
  public static void write(RunResult r, Writer out) {
    emit(r, out, new ReportLayout(true));
    newline(out);
  }

  /** One line ({@code --format jsonl}), ending with a newline. */
  public static void writeLine(RunResult r, Writer out) {
    emit(r, out, new ReportLayout(false));
    newline(out);
  }

  /** One value as the report writes it, on one line (for messages that quote a value). */
  public static String valueToJson(Object v) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(context(new ReportLayout(false)), w)) {
      ValueJson.write(g, v);
    }
    return w.toString();
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

  private static ObjectWriteContext context(ReportLayout layout) {
    return new ObjectWriteContext.Base() {
      @Override
      public PrettyPrinter getPrettyPrinter() {
        return layout;
      }

      @Override
      public boolean hasPrettyPrinter() {
        return true;
      }
    };
  }

  private static void emit(RunResult r, Writer out, ReportLayout layout) {
    document(out, layout, g -> new Emitter(g).report(r));
  }

  /**
   * Writes one JSON document other than a report ({@code explore}'s) as a report is written:
   * Python's escapes and numbers, the root object's keys and its arrays' items one per line (or
   * all on one line), then a newline. {@code body} writes the root object.
   */
  public static void writeDocument(Writer out, boolean multiline, java.util.function.Consumer<JsonGenerator> body) {
    document(out, new ReportLayout(multiline), body);
    newline(out);
  }

  /** A report's {@code outcome} object (SPEC 6), to a generator of {@link #writeDocument}. */
  public static void writeOutcome(JsonGenerator g, Outcome o) {
    new Emitter(g).writeOutcome(o);
  }

  /** One of a report's {@code tasks} (SPEC 6), to a generator of {@link #writeDocument}. */
  public static void writeTask(JsonGenerator g, TaskReport t) {
    new Emitter(g).writeTask(TaskRows.of(List.of(t)), 0);
  }

  /** A time in seconds as a report writes it (SPEC 6). */
  public static void writeTime(JsonGenerator g, long ns) {
    new Emitter(g).writeTime(ns);
  }

  private static void document(Writer out, ReportLayout layout, java.util.function.Consumer<JsonGenerator> body) {
    try (JsonGenerator g = FACTORY.createGenerator(context(layout), out)) {
      body.accept(g);
    }
  }

  /**
   * One report's generator and a scratch buffer for times, so that the per-task and per-event
   * writes allocate nothing (a report can have millions of lines). Property names are
   * pre-encoded.
   */
  private static final class Emitter {
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString STATE = new SerializedString("state");
    private static final SerializedString RESULT = new SerializedString("result");
    private static final SerializedString ERROR = new SerializedString("error");
    private static final SerializedString CANCELLED_BY = new SerializedString("cancelled_by");
    private static final SerializedString STARTED_AT = new SerializedString("started_at");
    private static final SerializedString FINISHED_AT = new SerializedString("finished_at");
    private static final SerializedString PARENT = new SerializedString("parent");
    private static final SerializedString T = new SerializedString("t");
    private static final SerializedString TASK = new SerializedString("task");
    private static final SerializedString EVENT = new SerializedString("event");
    private static final SerializedString[] KIND_DETAIL_KEYS = detailKeys();
    private static final SerializedString[] KIND_KEYS = serialized(Event.Kind.values(), Event.Kind::key);
    private static final SerializedString[] STATE_KEYS = serialized(TaskReport.State.values(), TaskReport.State::key);

    private final JsonGenerator g;
    private final char[] time = new char[PyNumbers.SECONDS_MAX_CHARS];
    /** A task's name, made here rather than as a string per task and event (EventLog.TaskNames, TaskRows). */
    private final StringBuilder name = new StringBuilder();
    private char[] nameChars = new char[64];

    Emitter(JsonGenerator g) {
      this.g = g;
    }

    private static <E extends Enum<E>> SerializedString[] serialized(E[] values, java.util.function.Function<E, String> key) {
      SerializedString[] out = new SerializedString[values.length];
      for (E v : values) out[v.ordinal()] = new SerializedString(key.apply(v));
      return out;
    }

    private static SerializedString[] detailKeys() {
      Event.Kind[] kinds = Event.Kind.values();
      SerializedString[] keys = new SerializedString[kinds.length];
      for (Event.Kind k : kinds) {
        keys[k.ordinal()] = k.detailKey() == null ? null : new SerializedString(k.detailKey());
      }
      return keys;
    }

    void report(RunResult r) {
      g.writeStartObject();
      g.writeStringProperty("workflow", r.workflow());
      g.writeName("strategy");
      writeStrategy(r.strategy());
      g.writeStringProperty("clock", r.clock());
      g.writeStringProperty("python", r.python());
      if (r.schedule() != null) { // only then: a default report keeps its bytes
        g.writeStringProperty("schedule", r.schedule());
      }
      g.writeName("outcome");
      writeOutcome(r.outcome());
      g.writeName("tasks");
      g.writeStartArray();
      writeTasks(TaskRows.of(r.tasks()));
      g.writeEndArray();
      g.writeName("events");
      g.writeStartArray();
      writeEvents(r.events());
      g.writeEndArray();
      g.writeName("warnings");
      g.writeStartArray();
      for (Warning w : r.warnings()) {
        g.writeStartObject();
        g.writeStringProperty("message", w.message());
        g.writeStringProperty("task", w.task());
        g.writeName("error");
        ValueJson.write(g, w.error());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("finished_at");
      writeTime(r.finishedAtNs());
      g.writeEndObject();
    }

    // The two loops of a large report, each a method of its own: compiled where it loops (OSR)
    // inside report(), each took the C2 compiler 19-25 MB of memory, which at a million tasks came
    // on top of the largest heap of the run.
    private void writeTasks(TaskRows tasks) {
      for (int i = 0, n = tasks.size(); i < n; i++) {
        writeTask(tasks, i);
      }
    }

    private void writeEvents(EventLog events) {
      for (int i = 0, n = events.size(); i < n; i++) {
        writeEvent(events, i);
      }
    }

    private void writeStrategy(StrategySpec s) {
      g.writeStartObject();
      g.writeStringProperty("kind", s.kind().key());
      // On the kind, not a pattern switch over the spec: see ValueJson.write.
      switch (s.kind()) {
        case GATHER -> g.writeBooleanProperty("return_exceptions", ((StrategySpec.Gather) s).returnExceptions());
        case AS_COMPLETED -> g.writeStringProperty("on_error", ((StrategySpec.AsCompleted) s).onError().key());
        case WAIT -> {
          StrategySpec.Wait x = (StrategySpec.Wait) s;
          g.writeStringProperty("return_when", x.returnWhen().name());
          g.writeBooleanProperty("cancel_pending", x.cancelPending());
          g.writeBooleanProperty("retrieve", x.retrieve());
        }
        case CREATE_TASK -> {
          g.writeName("await");
          ValueJson.write(g, ((StrategySpec.CreateTask) s).await());
        }
        case TASKGROUP -> {}
      }
      if (s.timeoutNs() != null) {
        g.writeName("timeout");
        writeTime(s.timeoutNs());
      }
      g.writeEndObject();
    }

    private void writeOutcome(Outcome o) {
      g.writeStartObject();
      g.writeStringProperty("status", o.returned() ? "returned" : "raised");
      g.writeName("at");
      writeTime(o.atNs());
      g.writeName(o.returned() ? "value" : "error");
      ValueJson.write(g, o.returned() ? o.value() : o.error());
      g.writeEndObject();
    }

    private void writeTask(TaskRows t, int i) {
      g.writeStartObject();
      g.writeName(NAME);
      name.setLength(0);
      t.appendName(i, name);
      writeName();
      g.writeName(STATE);
      TaskReport.State state = t.state(i);
      g.writeString(STATE_KEYS[state.ordinal()]);
      switch (state) {
        case COMPLETED -> {
          g.writeName(RESULT);
          if (t.hasIntResult(i)) {
            g.writeNumber(t.intResult(i));
          } else {
            ValueJson.write(g, t.result(i));
          }
        }
        case FAILED -> {
          g.writeName(ERROR);
          ValueJson.write(g, t.error(i));
        }
        case CANCELLED -> {
          g.writeName(CANCELLED_BY);
          g.writeString(t.cancelledBy(i));
        }
        case PENDING -> {}
      }
      g.writeName(STARTED_AT);
      writeTimeOrNull(t.startedAtNs(i));
      g.writeName(FINISHED_AT);
      writeTimeOrNull(t.finishedAtNs(i));
      String parent = t.parent(i);
      if (parent != null) {
        g.writeName(PARENT);
        g.writeString(parent);
      }
      g.writeEndObject();
    }

    /**
     * The name in {@link #name}, written from a reused buffer (no string per task or event). A
     * task's name has only letters, digits, '_', '.' and '-' (dsl.TaskReader.validName), which no
     * escape changes: it goes out as it is, quoted, without the generator's look at each character.
     */
    private void writeName() {
      int n = name.length();
      if (nameChars.length < n + 2) nameChars = new char[Math.max(n + 2, 2 * nameChars.length)];
      name.getChars(0, n, nameChars, 1);
      for (int k = 1; k <= n; k++) {
        char c = nameChars[k];
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
          g.writeString(nameChars, 1, n);
          return;
        }
      }
      nameChars[0] = '"';
      nameChars[n + 1] = '"';
      g.writeRawValue(nameChars, 0, n + 2);
    }

    private void writeEvent(EventLog events, int i) {
      g.writeStartObject();
      g.writeName(T);
      writeTime(events.timeNs(i));
      g.writeName(TASK);
      name.setLength(0);
      events.appendTaskName(i, name);
      writeName();
      Event.Kind kind = events.kind(i);
      g.writeName(EVENT);
      g.writeString(KIND_KEYS[kind.ordinal()]);
      SerializedString detailKey = KIND_DETAIL_KEYS[kind.ordinal()];
      if (detailKey != null) {
        g.writeName(detailKey);
        if (events.hasIntDetail(i)) {
          g.writeNumber(events.intDetail(i));
        } else {
          ValueJson.write(g, events.detail(i));
        }
      }
      g.writeEndObject();
    }

    private void writeTime(Long ns) {
      if (ns == null) {
        g.writeNull();
      } else {
        writeTime(ns.longValue());
      }
    }

    /** A time, or null for -1 (TaskRows). */
    private void writeTimeOrNull(long ns) {
      if (ns < 0) {
        g.writeNull();
      } else {
        writeTime(ns);
      }
    }

    private void writeTime(long ns) {
      g.writeNumber(time, 0, PyNumbers.seconds(ns, time));
    }
  }
}
