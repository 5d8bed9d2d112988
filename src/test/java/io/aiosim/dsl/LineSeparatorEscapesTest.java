package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML 1.2's {@code \L} and {@code \P}, which snakeyaml-engine does not know, read as CPython's YAML does. */
class LineSeparatorEscapesTest {

  private static final String HEAD = "version: 1\nstrategy: {kind: gather}\ntasks:\n";

  private static List<Object> results(YamlLoader.Result r) {
    YamlNode.Seq tasks = (YamlNode.Seq) ((YamlNode.Mapping) r.root()).entries().get("tasks").value();
    return tasks.items().stream()
        .map(t -> ((YamlNode.Scalar) ((YamlNode.Mapping) t).entries().get("result").value()).value())
        .toList();
  }

  @Test
  void onlyDoubleQuotedStringsHaveTheEscapes() {
    String yaml =
        HEAD
            + "  - {name: a, result: \"1\\L2\\P3 \\\\L\"}\n"
            + "  - {name: b, result: '1\\L2'}\n"
            + "  - {name: c, result: 1\\P2}\n"
            + "  - name: d\n    result: \"x\\L\n      y\\P\"\n";
    YamlLoader.Result r = YamlLoader.load("f.yaml", yaml, Limits.DEFAULT);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(results(r))
        .containsExactly("1\u20282\u20293 \\L", "1\\L2", "1\\P2", "x\u2028 y\u2029");
  }

  @Test
  void hundredsOfStringsInASmallFileAreRead() {
    StringBuilder yaml = new StringBuilder(HEAD);
    for (int i = 0; i < 300; i++) yaml.append("  - {name: t").append(i).append(", result: \"\\L\"}\n");
    YamlLoader.Result r = YamlLoader.load("f.yaml", yaml.toString(), Limits.DEFAULT);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(results(r)).hasSize(300).allMatch("\u2028"::equals);
  }

  @Test
  void pastTheRereadBudgetTheEscapeIsAnErrorThatSaysWhatToWrite() {
    String yaml = HEAD + "  - {name: a, result: \"\\L\"}\n  - {name: b, result: \"x \\P\"}\n";
    YamlLoader.Result r =
        YamlLoader.load("f.yaml", new LineSeparatorEscapes(yaml, yaml.length() * 3L / 2), Limits.DEFAULT);
    assertThat(r.root()).isNull();
    assertThat(r.diagnostics()).hasSize(1);
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.position()).isEqualTo(new Position("f.yaml", 5, 27));
    assertThat(d.message())
        .startsWith("invalid YAML: found unknown escape character P(80)")
        .endsWith("write \\u2028 and \\u2029");
  }
}
