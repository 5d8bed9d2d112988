package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.Aiosim;
import io.aiosim.golden.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code aiosim test --update} and {@code aiosim test --accept} (SIGKILL, in a child JVM)
 * at random moments and checks that every golden is whole afterwards: exactly the old report or
 * exactly the new one, never a prefix; under {@code --accept}, a golden is new exactly when its
 * {@code .new} is gone (the rename is the one step). The reports are large (a few hundred kB
 * each) so that many kills land mid-write.
 */
class UpdateKillTest {
  private static final long SEED = 20261125L;
  private static final int KILLS = 6;
  private static final int WORKFLOWS = 3;

  @TempDir Path dir;

  private final List<Scenario> scenarios = new ArrayList<>();
  private final List<String> fresh = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> killedUpdatesAndAcceptsNeverTruncateAGolden() throws Exception {
    String workflow =
        """
        version: 1
        strategy: {kind: gather}
        tasks:
          - name: worker-{i}
            count: 2500
            delay: {uniform: [0.0, 10.0]}
            result: "result of worker {i}"
        """;
    for (int w = 0; w < WORKFLOWS; w++) {
      Path file = dir.resolve("big-" + w + ".yaml");
      Files.writeString(file, "seed: " + w + "\n" + workflow);
      scenarios.add(new Scenario(file));
      fresh.add(Aiosim.runToJson(file));
    }
    return Stream.of(
        DynamicTest.dynamicTest("--update, seed " + SEED + ", " + KILLS + " kills", () -> kills("--update", SEED)),
        DynamicTest.dynamicTest("--accept, seed " + (SEED + 1) + ", " + KILLS + " kills", () -> kills("--accept", SEED + 1)));
  }

  private void kills(String flag, long seed) throws Exception {
    boolean accept = flag.equals("--accept");
    SplittableRandom random = new SplittableRandom(seed);
    // One undisturbed run tells how long the command takes here.
    reset(accept);
    long start = System.nanoTime();
    assertThat(ChildJvm.run(Map.of(), dir.resolve("full.log"), "test", flag, dir.toString())).isZero();
    long fullMillis = (System.nanoTime() - start) / 1_000_000;
    for (int w = 0; w < WORKFLOWS; w++) {
      assertThat(scenarios.get(w).golden()).hasContent(fresh.get(w));
      assertThat(scenarios.get(w).pending()).doesNotExist();
    }
    int mixed = 0;
    for (int k = 0; k < KILLS; k++) {
      reset(accept);
      Process p = ChildJvm.builder(Map.of(), dir.resolve("kill.log"), "test", flag, dir.toString()).start();
      Thread.sleep(random.nextLong(fullMillis / 4, fullMillis + 1));
      p.destroyForcibly();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      int updated = 0;
      for (int w = 0; w < WORKFLOWS; w++) {
        Path golden = scenarios.get(w).golden();
        String text = Files.readString(golden);
        boolean isNew = text.equals(fresh.get(w));
        assertThat(isNew || text.equals(old(fresh.get(w))))
            .as("%s kill %d: %s is neither the old nor the new golden (%d chars)", flag, k, golden, text.length())
            .isTrue();
        if (accept) {
          Path pending = scenarios.get(w).pending();
          assertThat(Files.exists(pending))
              .as("%s kill %d: %s exists exactly while the golden is the old one", flag, k, pending)
              .isEqualTo(!isNew);
          if (!isNew) {
            assertThat(pending).hasContent(fresh.get(w));
          }
        }
        updated += isNew ? 1 : 0;
      }
      mixed += updated > 0 && updated < WORKFLOWS ? 1 : 0;
    }
    // Whatever a kill left behind is a hidden temporary, never a visible file.
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .allMatch(n -> n.endsWith(".yaml") || n.endsWith(".golden.json") || n.endsWith(".golden.json.new")
              || n.endsWith(".log") || (n.startsWith(".") && n.endsWith(".tmp")));
    }
    System.out.printf(
        "UpdateKillTest %s: full run %d ms; %d of %d kills landed mid-way%n", flag, fullMillis, mixed, KILLS);
  }

  /** The "old" golden: complete, valid, and different from the fresh report. */
  private static String old(String fresh) {
    return fresh.replace("\"clock\": \"virtual\"", "\"clock\": \"old\"");
  }

  /** Old goldens everywhere; for {@code --accept}, today's reports waiting in their {@code .new}. */
  private void reset(boolean accept) throws IOException {
    for (int w = 0; w < scenarios.size(); w++) {
      Files.writeString(scenarios.get(w).golden(), old(fresh.get(w)));
      Path pending = scenarios.get(w).pending();
      if (accept) {
        Files.writeString(pending, fresh.get(w));
      } else {
        Files.deleteIfExists(pending);
      }
    }
  }
}
