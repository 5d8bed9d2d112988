package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** gojq-style rendering: the message, the source line, a caret under the column. */
class DiagnosticTest {
  static final String SOURCE = "version: 1\nstrategy: {kind: gahter}\n\tx: é€y\r\n";

  static Diagnostic at(int line, int col) {
    return new Diagnostic(new Position("f.yaml", line, col), "msg");
  }

  @Test
  void caretSitsUnderTheColumn() {
    assertThat(at(2, 18).render(SOURCE))
        .isEqualTo("f.yaml:2:18: msg\nstrategy: {kind: gahter}\n                 ^");
  }

  @Test
  void tabsAreEscapedAndColumnsCountCodePointsAndCrIsDropped() {
    assertThat(at(3, 6).render(SOURCE)).isEqualTo("f.yaml:3:6: msg\n\\tx: é€y\n      ^");
  }

  @Test
  void controlCharactersNeverReachTheTerminal() {
    String evil = "name: \u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eabc\r\n";
    Diagnostic d = new Diagnostic(new Position("f\u001b.yaml", 1, 7), "bad name '\u001b[2J'\nforged: line");
    assertThat(d.render(evil))
        .isEqualTo(
            "f\\u001b.yaml:1:7: bad name '\\u001b[2J'\\nforged: line\n"
                + "name: \\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eabc\n"
                + "      ^");
    assertThat(TerminalText.escape("ok: é€😀 \\ \"")).isEqualTo("ok: é€😀 \\ \"");
    assertThat(TerminalText.escape("\ud800x\u2028\ufeff")).isEqualTo("\\ud800x\\u2028\\ufeff");
  }

  @Test
  void aLongLineIsCutAroundTheColumn() {
    String line = "k".repeat(10_000) + "X" + "v".repeat(10_000);
    String[] r = at(1, 10_001).render(line + "\n").split("\n");
    assertThat(r[1]).startsWith("...k").endsWith("v...").contains("X");
    assertThat(r[1].length()).isLessThanOrEqualTo(Diagnostic.ECHO_WIDTH + 6);
    assertThat(r[2].indexOf('^')).isEqualTo(r[1].indexOf('X'));
    String[] head = at(1, 3).render(line).split("\n");
    assertThat(head[1]).startsWith("kkk").endsWith("k...");
    assertThat(head[2]).isEqualTo("  ^");
  }

  @Test
  void aPositionOutsideTheTextGivesTheFirstLineOnly() {
    assertThat(at(9, 1).render(SOURCE)).isEqualTo("f.yaml:9:1: msg");
    assertThat(at(1, 1).render(null)).isEqualTo("f.yaml:1:1: msg");
  }

  @Test
  void aCaretAtTheEndOfALine() {
    assertThat(at(1, 11).render(SOURCE)).isEqualTo("f.yaml:1:11: msg\nversion: 1\n          ^");
  }

  @Test
  void renderAllEndsEachWithANewline() {
    assertThat(Diagnostic.renderAll("a\n", List.of(at(1, 1), at(5, 5))))
        .isEqualTo("f.yaml:1:1: msg\na\n^\nf.yaml:5:5: msg\n");
  }

  @Test
  void pythonReprOfFloats() {
    double[] in = {0.1, 1.0, 1e-05, 12345678.0, 1e16, 1e22, 0.0001, 123.456, -0.0, 1.5e-7, 9007199254740993.0, 5e-324};
    String[] want = {"0.1", "1.0", "1e-05", "12345678.0", "1e+16", "1e+22", "0.0001", "123.456", "-0.0", "1.5e-07", "9007199254740992.0", "5e-324"};
    for (int k = 0; k < in.length; k++) assertThat(Values.pythonRepr(in[k])).as("%s", in[k]).isEqualTo(want[k]);
  }

  @Test
  void didYouMeanFindsTyposAndTranspositions() {
    assertThat(DidYouMean.suggest("dealy", List.of("name", "delay"))).isEqualTo("delay");
    assertThat(DidYouMean.suggest("gahter", List.of("gather", "wait"))).isEqualTo("gather");
    assertThat(DidYouMean.suggest("colour", List.of("name", "delay"))).isNull();
  }
}
