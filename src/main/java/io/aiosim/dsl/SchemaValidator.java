package io.aiosim.dsl;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.aiosim.dsl.YamlNode.Entry;
import io.aiosim.dsl.YamlNode.Mapping;
import io.aiosim.dsl.YamlNode.Scalar;
import io.aiosim.dsl.YamlNode.Seq;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the raw YAML tree against {@code dsl-schema/workflow.schema.json} with networknt's
 * validator, mapping each error's instance location (a JSON pointer) back to a position by
 * walking the same tree. The reader's own checks come first and say more; these errors are the
 * net under them.
 */
public final class SchemaValidator {
  /** Where the build puts a copy of {@code dsl-schema/workflow.schema.json}. */
  public static final String RESOURCE = "/dsl-schema/workflow.schema.json";

  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(schemaText(), InputFormat.JSON);

  private SchemaValidator() {}

  /** The schema's text, exactly as in the repository. */
  public static String schemaText() {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("schema missing from the classpath: " + RESOURCE);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A schema error where it happened: the node, the key whose value it is (or null), and the
   * position to report (the offending key for a property error, else the node).
   */
  record Found(YamlNode node, YamlNode parent, Entry entry, Position pos, String message) {}

  static List<Found> validate(YamlNode root) {
    List<Found> out = new ArrayList<>();
    for (Error e : SCHEMA.validate(toJson(root))) {
      NodePath path = e.getInstanceLocation();
      YamlNode node = root;
      YamlNode parent = null;
      Entry entry = null;
      // A location the tree does not have (networknt points into a property name for
      // propertyNames) is reported at the deepest node that it does have.
      for (int k = 0; k < path.getNameCount(); k++) {
        Object el = path.getElement(k);
        YamlNode next = null;
        Entry nextEntry = null;
        if (node instanceof Mapping m && el instanceof String key && m.entry(key) != null) {
          nextEntry = m.entry(key);
          next = nextEntry.value();
        } else if (node instanceof Seq s && el instanceof Integer i && i < s.items().size()) {
          next = s.items().get(i);
        }
        if (next == null) break;
        parent = node;
        node = next;
        entry = nextEntry;
      }
      Position pos = node.pos();
      if (e.getProperty() != null && node instanceof Mapping m && m.entry(e.getProperty()) != null) {
        pos = m.entry(e.getProperty()).keyPos();
      }
      out.add(new Found(node, parent, entry, pos, message(e, entry)));
    }
    return out;
  }

  /** networknt's message without its leading instance location, named by the key. */
  private static String message(Error e, Entry entry) {
    String m = e.getMessage();
    String loc = e.getInstanceLocation().toString();
    if (m.startsWith(loc + ": ")) m = m.substring(loc.length() + 2);
    String key =
        e.getProperty() != null ? e.getProperty() : entry != null ? entry.key() : lastName(e.getInstanceLocation());
    return (key == null ? "" : key + ": ") + m + " (schema: " + e.getKeyword() + ")";
  }

  private static String lastName(NodePath p) {
    for (int k = p.getNameCount() - 1; k >= 0; k--) {
      if (p.getElement(k) instanceof String s) return s;
    }
    return null;
  }

  /**
   * The deepest JSON level handed to the validator; a list or mapping below it is given as an
   * empty one. networknt prints an offending instance with Jackson, whose writer refuses to nest
   * deeper than 500 levels (a {@code version: [[[...]]]} 800 deep was an internal error), and
   * nothing the schema constrains lies this deep: tasks nest at most 100 levels, about 3 JSON
   * levels each, and values (which the reader bounds at 100 levels) are unconstrained.
   */
  static final int MAX_JSON_DEPTH = 400;

  static JsonNode toJson(YamlNode node) {
    return toJson(node, 1);
  }

  private static JsonNode toJson(YamlNode node, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (depth >= MAX_JSON_DEPTH && !(node instanceof Scalar)) {
      return node instanceof Mapping ? f.objectNode() : f.arrayNode();
    }
    return switch (node) {
      case Scalar s -> switch (s.value()) {
        case null -> f.nullNode();
        case Boolean b -> f.booleanNode(b);
        case Long l -> f.numberNode(l);
        case BigInteger b -> f.numberNode(b);
        // NaN and infinities are reported by the loader; null keeps the validator out of them.
        case Double d -> Double.isFinite(d) ? f.numberNode(d) : f.nullNode();
        case String str -> f.stringNode(str);
        default -> throw new IllegalStateException("scalar " + s.value().getClass());
      };
      case Seq s -> {
        ArrayNode a = f.arrayNode(s.items().size());
        for (YamlNode item : s.items()) a.add(toJson(item, depth + 1));
        yield a;
      }
      case Mapping m -> {
        ObjectNode o = f.objectNode();
        for (Entry e : m.entries().values()) o.set(e.key(), toJson(e.value(), depth + 1));
        yield o;
      }
    };
  }
}
