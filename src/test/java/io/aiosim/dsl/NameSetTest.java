package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NameSet answers as a HashMap of the formatted names would (TaskReader's duplicate check). */
class NameSetTest {
  private static Position at(int line) {
    return new Position("w.yaml", line, 1);
  }

  @Test
  void aNameIsTheSameWhetherItIsALiteralOrACopysTemplate() {
    NameSet names = new NameSet();
    assertThat(names.putIfAbsent("t-5", -1, at(1))).isNull();
    assertThat(names.putIfAbsent("t-{i}", 4, at(2))).isNull();
    assertThat(names.putIfAbsent("t-{i}", 5, at(2))).isEqualTo(at(1));
    assertThat(names.putIfAbsent("t-4", -1, at(3))).isEqualTo(at(2));
    // Outside a count {i} is kept as it is: "w{i}" is not "w0".
    assertThat(names.putIfAbsent("w{i}", -1, at(4))).isNull();
    assertThat(names.putIfAbsent("w{i}", 0, at(5))).isNull();
    assertThat(names.putIfAbsent("w{i}", -1, at(6))).isEqualTo(at(4));
    assertThat(names.putIfAbsent("w0", -1, at(7))).isEqualTo(at(5));
    // Two {i}: both replaced.
    assertThat(names.putIfAbsent("k{i}{i}", 1, at(8))).isNull();
    assertThat(names.putIfAbsent("k11", -1, at(9))).isEqualTo(at(8));
  }

  @Test
  void equalHashesAreToldApartByTheirCharacters() {
    assertThat("Aa0".hashCode()).isEqualTo("BB0".hashCode());
    NameSet names = new NameSet();
    assertThat(names.putIfAbsent("Aa{i}", 0, at(1))).isNull();
    assertThat(names.putIfAbsent("BB{i}", 0, at(2))).isNull();
    assertThat(names.putIfAbsent("BB0", -1, at(3))).isEqualTo(at(2));
    assertThat(names.putIfAbsent("Aa0", -1, at(4))).isEqualTo(at(1));
  }

  /** Random names from a few templates and literals, so that many collide, against the map of strings. */
  @Test
  void asAHashMapOfTheFormattedNamesWouldSeed20261207() {
    String[] templates = {"t-{i}", "t-1{i}", "t-{i}1", "{i}", "{i}{i}", "t-11", "1", "11", "x{i}y", "x1y", "Aa{i}", "BB{i}"};
    SplittableRandom random = new SplittableRandom(20261207);
    NameSet names = new NameSet();
    Map<String, Position> oracle = new HashMap<>();
    for (int n = 0; n < 50_000; n++) {
      String template = templates[random.nextInt(templates.length)];
      int index = template.contains("{i}") && random.nextInt(8) > 0 ? random.nextInt(3_000) : -1;
      Position pos = at(n + 1);
      String name = index < 0 ? template : template.replace("{i}", Integer.toString(index));
      assertThat(names.putIfAbsent(template, index, pos)).as("%s with %d", template, index).isEqualTo(oracle.putIfAbsent(name, pos));
    }
    assertThat(oracle).hasSizeGreaterThan(5_000);
  }
}
