package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a YAML error's line gets the "quote a string with {i}" hint: only for a {i} outside quotes. */
class FlowHintTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          tasks: [{name: w-{i}, count: 2}]                 | true
          fail: {type: E{i}, message: "m{i}"}              | true
          fail: {type: "E{i}", message: "m{i}"}            | false
          fail: {type: 'E{i}', message: 'it''s {i}'}       | false
          steps: [{log: don't {i}}]                        | true
          steps: [{log: "say \\"{i}\\""}]                  | false
          tasks: [{name: w}]  # count them: {i}            | false
          name: plain                                      | false
          """)
  void theHintNamesAnUnquotedIndexOnly(String line, boolean hint) {
    assertThat(YamlLoader.hasPlainIndex(line.strip())).isEqualTo(hint);
  }
}
