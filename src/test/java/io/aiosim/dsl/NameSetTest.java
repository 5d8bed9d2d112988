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

  /**
   * Copies come as runs: a template's indexes one after another from one position, runs of one
   * template from several positions (nested counts), literals in between and in the middle of a
   * run, and shapes shared by many templates, so that buckets fill up and turn into the table.
   */
  @Test
  void runsOfCopiesAnswerAsAHashMapOfTheFormattedNamesWouldSeeds1To40() {
    String[] templates = {
      "t-{i}", "t-1{i}", "t-{i}1", "{i}", "{i}{i}", "x{i}y", "a{i}b{i}", "0{i}", "t{i}-", "t-01", "t-11", "1", "11",
      "x1y", "a1b1", "w{i}", "t-7", "007"
    };
    int exact = 0;
    for (int seed = 1; seed <= 40; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      NameSet names = new NameSet();
      Map<String, Position> oracle = new HashMap<>();
      Map<String, Position[]> nodes = new HashMap<>();
      int line = 0;
      for (int step = 0; step < 400; step++) {
        String template = templates[random.nextInt(templates.length)];
        boolean run = template.contains("{i}") && random.nextInt(6) > 0;
        // A template is read at one of a few positions: a second run from one is a nested count.
        Position[] at = nodes.computeIfAbsent(template, t -> new Position[] {at(1_000_000 + t.hashCode() % 1000), null, null});
        int k = random.nextInt(at.length);
        if (at[k] == null) at[k] = at(++line);
        Position pos = random.nextInt(4) == 0 ? at(++line) : at[k];
        int start = switch (random.nextInt(3)) {
          case 0 -> 0;
          case 1 -> random.nextInt(20);
          default -> random.nextInt(2_000);
        };
        int length = run ? 1 + random.nextInt(random.nextBoolean() ? 5 : 300) : 1;
        for (int n = 0; n < length; n++) {
          int index = run ? start + n : -1;
          String name = index < 0 ? template : template.replace("{i}", Integer.toString(index));
          assertThat(names.putIfAbsent(template, index, pos))
              .as("seed %d: %s with %d at %s", seed, template, index, pos)
              .isEqualTo(oracle.putIfAbsent(name, pos));
          if (run && random.nextInt(200) == 0) { // a literal in the middle of a run
            String literal = templates[random.nextInt(templates.length)].replace("{i}", Integer.toString(random.nextInt(30)));
            Position lp = at(++line);
            assertThat(names.putIfAbsent(literal, -1, lp)).as("seed %d: %s", seed, literal).isEqualTo(oracle.putIfAbsent(literal, lp));
          }
        }
      }
      exact += names.exactBuckets;
    }
    assertThat(exact).as("buckets turned into the table").isGreaterThan(10);
  }

  @Test
  void aTemplateMakesANameFromOneIndexWrittenWithoutLeadingZeros() {
    Object[][] table = {
      {"t-{i}", "t-5", 5}, {"t-{i}", "t-0", 0}, {"t-{i}", "t-05", -1}, {"t-{i}", "t-", -1}, {"t-{i}", "u-5", -1},
      {"t-{i}", "t-5x", -1}, {"t-{i}", "t-2147483647", Integer.MAX_VALUE}, {"t-{i}", "t-2147483648", -1},
      {"t-{i}", "t-99999999999", -1}, {"{i}{i}", "1010", 10}, {"{i}{i}", "1011", -1}, {"{i}{i}", "101", -1},
      {"a{i}b{i}", "a7b7", 7}, {"a{i}b{i}", "a7b8", -1}, {"{i}", "0", 0}, {"{i}x", "12x", 12}, {"0{i}", "00", 0},
      {"0{i}", "012", 12}, {"0{i}", "0012", -1}, {"x{i}y", "x1y", 1}, {"x{i}y", "xy", -1},
    };
    for (Object[] row : table) {
      assertThat(NameSet.indexIn((String) row[0], (String) row[1])).as("%s in %s", row[1], row[0]).isEqualTo(row[2]);
    }
    assertThat(NameSet.shape("t-10.a2b")).isEqualTo("t-#.a#b");
    assertThat(NameSet.shape("007x")).isEqualTo("#x");
  }
}
