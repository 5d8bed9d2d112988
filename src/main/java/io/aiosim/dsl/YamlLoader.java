package io.aiosim.dsl;

import io.aiosim.dsl.YamlNode.Entry;
import io.aiosim.dsl.YamlNode.Mapping;
import io.aiosim.dsl.YamlNode.Scalar;
import io.aiosim.dsl.YamlNode.Seq;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * YAML text to a positioned {@link YamlNode} tree, walking snakeyaml-engine's event stream (the
 * parser under Jackson's YAMLParser), scalars typed by {@link CoreSchema}. The walk is iterative
 * and bounded, so no
 * input can overflow the stack, and it counts what aliases expand to (alias bombs).
 */
final class YamlLoader {
  /** The root node (null when the text could not be read at all) and what went wrong. */
  record Result(YamlNode root, List<Diagnostic> diagnostics) {}

  /** Raised inside the walk when nothing more can be read; its diagnostic is already recorded. */
  private static final class Fatal extends RuntimeException {
    Fatal() {
      super(null, null, false, false);
    }
  }

  private final String file;
  private final String text;
  private final Limits limits;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, YamlNode> anchors = new HashMap<>();
  /**
   * Nodes and text bytes in an anchored subtree, aliases expanded; by identity (records hash
   * their whole tree).
   */
  private final Map<YamlNode, Weight> weights = new IdentityHashMap<>();
  private long aliasNodes;
  private long aliasBytes;

  private record Weight(long nodes, long bytes) {
    Weight plus(Weight o) {
      return new Weight(saturatingAdd(nodes, o.nodes), saturatingAdd(bytes, o.bytes));
    }
  }

  private Position last;
  private final LineSeparatorEscapes escapes;

  private YamlLoader(String file, LineSeparatorEscapes escapes, Limits limits) {
    this.file = file;
    this.text = escapes.text();
    this.escapes = escapes;
    this.limits = limits;
    this.last = new Position(file, 1, 1);
  }

  static Result load(String file, String text, Limits limits) {
    return load(file, new LineSeparatorEscapes(text), limits);
  }

  static Result load(String file, LineSeparatorEscapes escapes, Limits limits) {
    while (true) {
      YamlLoader loader = new YamlLoader(file, escapes, limits);
      Result result = loader.read(escapes);
      if (result != null) return result;
    }
  }

  /** The result, or null when a {@code \L} or {@code \P} was rewritten and must be read again. */
  private Result read(LineSeparatorEscapes escapes) {
    YamlNode root = null;
    try {
      root = walk();
    } catch (Fatal f) {
      root = null;
    } catch (MarkedYamlEngineException e) {
      if (escapes.rewrite(e)) return null;
      Position pos = markPosition(e);
      String hint =
          escapes.refused(e)
              ? "; too many strings use \\L or \\P (each makes the file be read again):"
                  + " write \\u2028 and \\u2029"
              : "";
      diagnostics.add(new Diagnostic(pos, syntaxMessage(e) + flowHint(pos) + hint));
    } catch (ReaderException e) {
      diagnostics.add(
          new Diagnostic(
              offsetPosition(e.getPosition()),
              String.format(
                  "invalid character U+%04X: YAML allows no control characters here",
                  e.getCodePoint())));
    } catch (RuntimeException e) {
      // snakeyaml reports a few problems without a mark; the last event read is the best place.
      diagnostics.add(new Diagnostic(last, "invalid YAML: " + e.getMessage()));
    }
    return new Result(root, List.copyOf(diagnostics));
  }

  private YamlNode walk() {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setCodePointLimit(
                (int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes() + 1 + escapes.growth()))
            // The whole text in one buffer: snakeyaml copies its window each time it refills it,
            // so a token longer than the buffer (a 15 MiB comment) cost time quadratic in it.
            .setBufferSize(text.length() + 1)
            .build();
    ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
    Deque<Frame> stack = new ArrayDeque<>();
    YamlNode[] root = new YamlNode[1];
    int documents = 0;
    while (parser.hasNext()) {
      Event ev = parser.next();
      Position pos = position(ev.getStartMark());
      if (pos != null) last = pos;
      switch (ev.getEventId()) {
        case StreamStart, StreamEnd, DocumentEnd, Comment -> {}
        case DocumentStart -> {
          if (++documents > 1) fatal(pos, "several documents in one file; expected one");
        }
        case Scalar -> {
          ScalarEvent se = (ScalarEvent) ev;
          Scalar s = CoreSchema.scalar(se, pos, diagnostics);
          Weight w = new Weight(1, se.getValue().length());
          register(se, s, w);
          complete(stack, root, s, w);
        }
        case Alias -> {
          String name = ((AliasEvent) ev).getAlias().getValue();
          YamlNode target = anchors.get(name);
          if (target == null) {
            diagnostics.add(new Diagnostic(pos, "unknown alias *" + YamlNode.abbreviate(name) + ": no anchor &" + YamlNode.abbreviate(name) + " before it"));
            complete(stack, root, new Scalar(null, "", pos), new Weight(1, 0));
          } else {
            Weight w = weights.getOrDefault(target, new Weight(1, 0));
            aliasNodes = saturatingAdd(aliasNodes, w.nodes);
            aliasBytes = saturatingAdd(aliasBytes, w.bytes);
            if (aliasNodes > limits.maxAliasNodes()) {
              fatal(pos, "YAML aliases expand to more than " + limits.maxAliasNodes() + " nodes (an alias bomb?)");
            }
            if (aliasBytes > limits.maxAliasBytes()) {
              fatal(pos, "YAML aliases expand to more than " + limits.maxAliasBytes()
                  + " bytes of text (a long value aliased many times?)");
            }
            complete(stack, root, target, w);
          }
        }
        case MappingStart, SequenceStart -> {
          if (stack.size() >= limits.maxYamlDepth()) {
            fatal(pos, "YAML nested deeper than " + limits.maxYamlDepth() + " levels");
          }
          CollectionStartEvent cs = (CollectionStartEvent) ev;
          CoreSchema.checkCollectionTag(cs, pos, diagnostics);
          stack.push(new Frame(ev.getEventId() == Event.ID.MappingStart, pos, cs.getAnchor()));
        }
        case MappingEnd, SequenceEnd -> {
          Frame f = stack.pop();
          YamlNode node = f.mapping ? new Mapping(f.entries, f.pos) : new Seq(f.items, f.pos);
          f.anchor.ifPresent(a -> anchors.put(a.getValue(), node));
          if (f.anchor.isPresent()) weights.put(node, f.weight);
          complete(stack, root, node, f.weight);
        }
      }
    }
    if (root[0] == null && diagnostics.isEmpty()) {
      fatal(new Position(file, 1, 1), "the file is empty; expected a mapping with version, strategy and tasks");
    }
    return root[0];
  }

  private void register(NodeEvent ev, YamlNode node, Weight weight) {
    Optional<Anchor> a = ev.getAnchor();
    if (a.isPresent()) {
      anchors.put(a.get().getValue(), node);
      weights.put(node, weight);
    }
  }

  /** One node is finished: it becomes a key, a value, an item, or the document. */
  private void complete(Deque<Frame> stack, YamlNode[] root, YamlNode node, Weight weight) {
    Frame top = stack.peek();
    if (top == null) {
      root[0] = node;
      return;
    }
    top.weight = top.weight.plus(weight);
    if (!top.mapping) {
      top.items.add(node);
    } else if (top.key == null && !top.keyInvalid) {
      if (node instanceof Scalar s) {
        top.key = CoreSchema.keyString(s.value());
        top.keyPos = s.pos();
      } else {
        diagnostics.add(new Diagnostic(node.pos(), "a mapping key must be a scalar, not " + YamlNode.describe(node)));
        top.keyInvalid = true;
      }
    } else {
      if (top.keyInvalid) {
        top.keyInvalid = false;
        return;
      }
      Entry first = top.entries.get(top.key);
      if (first != null) {
        diagnostics.add(
            new Diagnostic(
                top.keyPos,
                "duplicate key '" + YamlNode.abbreviate(top.key) + "' (first at line " + first.keyPos().line() + ")"));
      } else {
        top.entries.put(top.key, new Entry(top.key, top.keyPos, node));
      }
      top.key = null;
    }
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  private void fatal(Position pos, String message) {
    diagnostics.add(new Diagnostic(pos, message));
    throw new Fatal();
  }

  private Position position(Optional<Mark> mark) {
    return mark.map(
            m ->
                new Position(
                    file, m.getLine() + 1, escapes.fileColumn(m.getLine(), m.getColumn()) + 1))
        .orElse(null);
  }

  private Position markPosition(MarkedYamlEngineException e) {
    Position p = position(e.getProblemMark());
    if (p == null) p = position(e.getContextMark());
    return p == null ? last : p;
  }

  /** A plain {@code w-{i}} inside {@code {...}} or {@code [...]} is a YAML error; say how to fix it. */
  private String flowHint(Position pos) {
    String[] lines = text.split("\n", pos.line() + 1);
    if (pos.line() > lines.length) return "";
    return hasPlainIndex(lines[pos.line() - 1]) ? "; inside {...} or [...], quote a string with {i}: \"w-{i}\"" : "";
  }

  /** Whether {@code {i}} occurs outside quotes (a line may quote one string and not the next). */
  static boolean hasPlainIndex(String line) {
    char quote = 0;
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (quote == '"' && c == '\\') {
        k++; // an escaped character, a quote included
      } else if (quote == '\'' && line.startsWith("''", k)) {
        k++; // '' is a quote inside single quotes
      } else if (quote != 0) {
        if (c == quote) quote = 0;
      } else if ((c == '"' || c == '\'') && startsScalar(line, k)) {
        quote = c;
      } else if (c == '#' && (k == 0 || line.charAt(k - 1) == ' ')) {
        return false; // a comment
      } else if (line.startsWith("{i}", k)) {
        return true;
      }
    }
    return false;
  }

  /** A quote opens a quoted scalar only where a scalar can begin (in {@code don't} it is text). */
  private static boolean startsScalar(String line, int k) {
    int j = k - 1;
    while (j >= 0 && line.charAt(j) == ' ') j--;
    return j < 0 || "[{,:-?".indexOf(line.charAt(j)) >= 0;
  }

  private static String syntaxMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "syntax error" : e.getProblem().strip();
    String context = e.getContext() == null ? "" : " (" + e.getContext().strip() + ")";
    return "invalid YAML: " + problem + context;
  }

  /** The line and column of the code point at {@code offset}. */
  private Position offsetPosition(int offset) {
    int line = 1;
    int col = 1;
    int i = 0;
    for (int k = 0; k < offset && i < text.length(); k++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Position(file, line, escapes.fileColumn(line - 1, col - 1) + 1);
  }

  private static final class Frame {
    final boolean mapping;
    final Position pos;
    final Optional<Anchor> anchor;
    final List<YamlNode> items = new ArrayList<>();
    final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    String key;
    Position keyPos;
    boolean keyInvalid;
    Weight weight = new Weight(1, 0);

    Frame(boolean mapping, Position pos, Optional<Anchor> anchor) {
      this.mapping = mapping;
      this.pos = pos;
      this.anchor = anchor;
    }
  }
}
