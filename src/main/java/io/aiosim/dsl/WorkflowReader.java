package io.aiosim.dsl;

import io.aiosim.dsl.YamlNode.Mapping;
import io.aiosim.dsl.YamlNode.Scalar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow file to a {@link Workflow} (SPEC 1-4), or to every problem in it, each with its
 * position (SPEC 7). Never throws for anything a file can contain.
 *
 * {@snippet :
 * WorkflowReader.Loaded loaded = WorkflowReader.read(Path.of("workflows/seed/gather.yaml"));
 * if (loaded.workflow() == null) loaded.diagnostics().forEach(System.err::println);
 * }
 */
public final class WorkflowReader {
  static final List<String> TOP_KEYS =
      List.of("version", "name", "description", "seed", "python", "strategy", "tasks", "after", "expect");
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private WorkflowReader() {}

  /**
   * The workflow, or null iff there are diagnostics.
   *
   * @param workflow the loaded workflow, or null
   * @param diagnostics every problem of the file, ordered by position; empty iff workflow is set
   * @param warnings what is valid but likely a mistake (steps that never run, {i} without count)
   * @param source the text read, kept when there are diagnostics or warnings (for their source
   *     lines; the input is read once, which a pipe or {@code <(...)} requires), else null
   * @param cost what running the workflow costs, as estimated before it runs (zero when invalid)
   */
  public record Loaded(
      Workflow workflow, List<Diagnostic> diagnostics, List<Diagnostic> warnings, String source, Footprint.Cost cost) {
    public Loaded {
      diagnostics = List.copyOf(diagnostics);
      warnings = List.copyOf(warnings);
      if ((workflow == null) == diagnostics.isEmpty()) {
        throw new IllegalStateException("a workflow comes without diagnostics, and only then");
      }
      if (diagnostics.isEmpty() && warnings.isEmpty()) source = null;
      if (cost == null || workflow == null) cost = Footprint.Cost.ZERO;
    }

    public Loaded(Workflow workflow, List<Diagnostic> diagnostics) {
      this(workflow, diagnostics, List.of(), null, null);
    }

    /** Each diagnostic with its source line and caret ({@link Diagnostic#render}). */
    public List<String> rendered() {
      return diagnostics.stream().map(d -> d.render(source)).toList();
    }

    /** Each warning, marked as one, with its source line and caret. */
    public List<String> renderedWarnings() {
      return warnings.stream().map(w -> new Diagnostic(w.position(), "warning: " + w.message()).render(source)).toList();
    }
  }

  public static Loaded read(Path file) {
    return read(file, Limits.DEFAULT);
  }

  /**
   * Reads {@code file} once, whatever it is: a regular file (refused by its size before it is
   * read when too large), or a pipe such as {@code <(...)} (read up to the limit, then refused).
   */
  public static Loaded read(Path file, Limits limits) {
    String label = file.toString();
    try {
      if (Files.isRegularFile(file)) {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) return failure(label, tooLarge(size + " bytes", limits));
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(label, in, limits);
      }
    } catch (IOException | UncheckedIOException e) {
      return failure(label, "cannot read the file: " + describe(e));
    }
  }

  /**
   * Reads a workflow from a stream (standard input, a pipe): at most the size limit is read, and
   * the bytes must be UTF-8, exactly as for a file.
   */
  public static Loaded read(String label, InputStream in, Limits limits) {
    int max = (int) Math.min(Integer.MAX_VALUE - 16, limits.maxFileBytes());
    byte[] bytes;
    try {
      bytes = in.readNBytes(max + 1);
    } catch (IOException e) {
      return failure(label, "cannot read: " + describe(e));
    }
    if (bytes.length > max) return failure(label, tooLarge("more than " + max + " bytes", limits));
    return read(label, bytes, limits);
  }

  private static String describe(Exception e) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The bytes of a file: strict UTF-8 first, then as {@link #read(String, String, Limits)}. */
  static Loaded read(String label, byte[] bytes, Limits limits) {
    return read(label, bytes, limits, null);
  }

  /** As {@link #read(String, byte[], Limits)}; with a list, also the schema check (see below). */
  static Loaded read(String label, byte[] bytes, Limits limits, List<Diagnostic> schemaOnly) {
    if (bytes.length > limits.maxFileBytes()) return failure(label, tooLarge(bytes.length + " bytes", limits));
    try {
      return read(label, Utf8.decode(label, bytes), limits, schemaOnly);
    } catch (Utf8.Malformed e) {
      return new Loaded(null, List.of(e.diagnostic));
    }
  }

  public static Loaded read(String fileLabel, String text) {
    return read(fileLabel, text, Limits.DEFAULT);
  }

  public static Loaded read(String fileLabel, String text, Limits limits) {
    return read(fileLabel, text, limits, null);
  }

  /**
   * As {@link #read(String, String, Limits)}; with a {@code schemaOnly} list, the tree is also
   * checked against the JSON Schema and the problems only the schema saw are added and
   * collected there. The tests do that (the bad-input table, the mutation tests, every
   * workflow) and find the list empty: the reader's own checks reject every file the schema
   * rejects, so the tool leaves the schema out (its validator and Jackson's databind were
   * most of a small run's start-up).
   */
  static Loaded read(String fileLabel, String text, Limits limits, List<Diagnostic> schemaOnly) {
    long bytes = Utf8.length(text);
    if (bytes > limits.maxFileBytes()) return failure(fileLabel, tooLarge(bytes + " bytes", limits));
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    Diagnostics diags = new Diagnostics();
    YamlLoader.Result yaml = YamlLoader.load(fileLabel, text, limits);
    diags.addAll(yaml.diagnostics());
    Workflow wf = null;
    ReadContext cx = new ReadContext(diags, limits);
    List<Diagnostic> warnings = List.of();
    if (yaml.root() instanceof Mapping root) {
      wf = workflow(root, defaultName(fileLabel), cx);
      warnings = cx.warnings.toList();
      if (schemaOnly != null && !cx.tooDeep) schemaCheck(root, diags, schemaOnly);
    } else if (yaml.root() != null) {
      diags.add(
          yaml.root().pos(),
          "expected a mapping at the top level (version, strategy, tasks, ...), got "
              + YamlNode.describe(yaml.root()));
    }
    return diags.isEmpty()
        ? new Loaded(wf, List.of(), warnings, text, cx.cost)
        : new Loaded(null, diags.toList(), List.of(), text, null);
  }

  /**
   * Adds the schema's errors that the reader's own checks did not already report at the same
   * node, below it, or beside it in the same mapping or list (a conflict between two keys is
   * one problem, which the reader reports at one of them): those say the same thing, less
   * precisely.
   */
  private static void schemaCheck(Mapping root, Diagnostics diags, List<Diagnostic> schemaOnly) {
    List<SchemaValidator.Found> found = SchemaValidator.validate(root);
    if (found.isEmpty()) return;
    Set<Position> reported = diags.positions();
    for (SchemaValidator.Found f : found) {
      boolean covered =
          (f.entry() != null && reported.contains(f.entry().keyPos()))
              || reported.contains(f.pos())
              || reachesAny(f.parent() != null ? f.parent() : f.node(), reported);
      if (!covered) {
        Diagnostic d = new Diagnostic(f.pos(), f.message());
        diags.add(d);
        schemaOnly.add(d);
      }
    }
  }

  /** Whether a node or key at or below {@code node} is at one of {@code positions}. */
  private static boolean reachesAny(YamlNode node, Set<Position> positions) {
    Set<YamlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<YamlNode> todo = new ArrayDeque<>(List.of(node));
    while (!todo.isEmpty()) {
      YamlNode n = todo.pop();
      if (!seen.add(n)) continue;
      if (positions.contains(n.pos())) return true;
      switch (n) {
        case Mapping m -> {
          for (YamlNode.Entry e : m.entries().values()) {
            if (positions.contains(e.keyPos())) return true;
            todo.push(e.value());
          }
        }
        case YamlNode.Seq sq -> sq.items().forEach(todo::push);
        case Scalar sc -> {}
      }
    }
    return false;
  }

  private static Workflow workflow(Mapping root, String defaultName, ReadContext cx) {
    cx.mapping(root, "workflow", "a workflow", TOP_KEYS);
    YamlNode version = cx.required(root, "version", "the workflow", "version: 1");
    if (version != null && !(version instanceof Scalar s && Long.valueOf(1).equals(s.value()))) {
      cx.error(version.pos(), "version: expected 1 (the only version so far), got " + YamlNode.describe(version));
    }
    YamlNode nameNode = root.get("name");
    String name = nameNode == null ? defaultName : cx.string(nameNode, "name", -1);
    YamlNode descNode = root.get("description");
    String description = descNode == null ? null : cx.plainString(descNode, "description");
    long seed = seed(root.get("seed"), cx);
    PythonVersion python = python(root.get("python"), cx);
    cx.rng = new SplitMix64(seed);
    YamlNode expectNode = root.get("expect");
    Map<String, Object> expect = null;
    if (expectNode != null) {
      new ExpectReader(cx).check(expectNode);
      if (cx.value(expectNode, -1) instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) m;
        expect = typed;
      }
    }
    YamlNode strategy = cx.required(root, "strategy", "the workflow", "strategy: {kind: ...}");
    YamlNode tasksNode = cx.required(root, "tasks", "the workflow", "a list of tasks");
    TaskReader tasks = new TaskReader(cx);
    if (tasksNode != null && !affordable(root.entry("tasks"), cx)) tasksNode = null;
    StrategyReader.StepSpec step = tasks.strategies().step(strategy, tasksNode, -1, 0);
    YamlNode after = root.get("after");
    After afterSpec = after == null ? null : tasks.after(after);
    return new Workflow(
        name == null ? defaultName : name, description, seed, step.strategy(), step.tasks(), afterSpec, expect,
        python);
  }

  /** SPEC 8: {@code python: "3.13"}, a quoted version (YAML reads an unquoted 3.13 as a number). */
  private static PythonVersion python(YamlNode node, ReadContext cx) {
    if (node == null) return null;
    if (node instanceof Scalar s && s.value() instanceof String text) {
      PythonVersion v = PythonVersion.parse(text).orElse(null);
      if (v == null) {
        cx.error(
            node.pos(),
            "python: unknown version " + YamlNode.quote(YamlNode.abbreviate(text)) + "; supported: "
                + PythonVersion.supported());
      }
      return v;
    }
    String hint =
        node instanceof Scalar s && s.value() instanceof Number
            ? " (YAML reads it unquoted as a number: write python: \"" + YamlNode.abbreviate(s.text()) + "\")"
            : "";
    cx.error(
        node.pos(),
        "python: expected a version string, " + PythonVersion.supported() + ", got " + YamlNode.describe(node) + hint);
    return null;
  }

  /**
   * Whether the tasks, once every count is expanded, stay within the limits on tasks, memory and
   * report size; if not, a diagnostic at the {@code tasks} key says which and by how much, and
   * nothing is built (a count over the limit is already reported where it is).
   */
  private static boolean affordable(YamlNode.Entry tasks, ReadContext cx) {
    int before = cx.diags.size();
    Footprint.Cost cost = new Footprint(cx).tasks(tasks.value(), 0, 0, 0);
    cx.cost = cost;
    if (cx.diags.size() > before) return false;
    Limits l = cx.limits;
    String problem = null;
    if (cost.tasks() > l.maxTasks()) {
      problem = (cost.tasks() == Long.MAX_VALUE ? "more than 2^63" : Long.toString(cost.tasks()))
          + " tasks after count expansion; at most " + l.maxTasks() + " are allowed";
    } else if (cost.memory() > l.maxRunBytes()) {
      problem = cost.tasks() + " tasks after count expansion would need about " + bytes(cost.memory())
          + " of memory to run; the limit is " + bytes(l.maxRunBytes()) + " (use fewer tasks,"
          + " steps or values, or smaller ones)";
    } else if (cost.report() > l.maxReportBytes()) {
      problem = "the report could reach " + bytes(cost.report()) + " (" + cost.tasks()
          + " tasks after count expansion, their names, logs and values, each value as often as"
          + " the report repeats it); the limit is " + bytes(l.maxReportBytes());
    }
    if (problem == null) return true;
    cx.error(tasks.keyPos(), "tasks: " + problem);
    return false;
  }

  /** 1.21 GB, 640 MB: three significant digits, decimal units. */
  public static String bytes(long n) {
    if (n == Long.MAX_VALUE) return "more than 9.2 EB";
    String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
    double v = n;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    if (u == 0) return n + " bytes";
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " " + units[u];
  }

  private static long seed(YamlNode node, ReadContext cx) {
    if (node == null) return 0;
    if (node instanceof Scalar s && s.value() instanceof Long l) return l;
    if (node instanceof Scalar s && s.value() instanceof BigInteger b && b.signum() > 0 && b.compareTo(TWO_64) < 0) {
      return b.longValue(); // seeds up to 2^64 - 1 keep their 64 bits
    }
    cx.error(node.pos(), "seed: expected an integer from -2^63 to 2^64-1, got " + YamlNode.describe(node));
    return 0;
  }

  /** The file name without its directory and .yaml/.yml; a label such as "-" stays as it is. */
  static String defaultName(String label) {
    String base = label;
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    if (slash >= 0 && slash < base.length() - 1) base = base.substring(slash + 1);
    if (base.endsWith(".yaml")) return base.substring(0, base.length() - 5);
    if (base.endsWith(".yml")) return base.substring(0, base.length() - 4);
    return base;
  }

  private static Loaded failure(String label, String message) {
    return new Loaded(null, List.of(new Diagnostic(new Position(label, 1, 1), message)));
  }

  private static String tooLarge(String size, Limits limits) {
    return "the file is too large: " + size + ", at most " + limits.maxFileBytes() + " bytes are allowed";
  }
}
