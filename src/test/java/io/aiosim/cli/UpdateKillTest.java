package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.Aiosim;
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
 * Kills {@code aiosim test --update} (SIGKILL, in a child JVM) at random moments and checks that
 * every golden is whole afterwards: exactly the old report or exactly the new one, never a
 * prefix. The reports are large (a few hundred kB each) so that many kills land mid-write.
 */
class UpdateKillTest {
  private static final long SEED = 20261125L;
  private static final int KILLS = 6;
  private static final int WORKFLOWS = 6;

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> killedUpdatesNeverTruncateAGolden() throws Exception {
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
    List<Path> goldens = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    for (int w = 0; w < WORKFLOWS; w++) {
      Path file = dir.resolve("big-" + w + ".yaml");
      Files.writeString(file, "seed: " + w + "\n" + workflow);
      goldens.add(dir.resolve("big-" + w + ".golden.json"));
      fresh.add(Aiosim.runToJson(file));
    }
    return Stream.of(
        DynamicTest.dynamicTest(
            "seed " + SEED + ", " + KILLS + " kills",
            () -> {
              SplittableRandom random = new SplittableRandom(SEED);
              // One undisturbed run tells how long an update takes here.
              reset(goldens, fresh);
              long start = System.nanoTime();
              assertThat(ChildJvm.run(Map.of(), dir.resolve("full.log"), "test", "--update", dir.toString()))
                  .isZero();
              long fullMillis = (System.nanoTime() - start) / 1_000_000;
              for (int w = 0; w < WORKFLOWS; w++) {
                assertThat(goldens.get(w)).hasContent(fresh.get(w));
              }
              int mixed = 0;
              for (int k = 0; k < KILLS; k++) {
                reset(goldens, fresh);
                Process p =
                    ChildJvm.builder(Map.of(), dir.resolve("kill.log"), "test", "--update", dir.toString())
                        .start();
                Thread.sleep(random.nextLong(fullMillis / 4, fullMillis + 1));
                p.destroyForcibly();
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                int updated = 0;
                for (int w = 0; w < WORKFLOWS; w++) {
                  String text = Files.readString(goldens.get(w));
                  boolean isNew = text.equals(fresh.get(w));
                  assertThat(isNew || text.equals(old(fresh.get(w))))
                      .as("kill %d: %s is neither the old nor the new golden (%d chars)", k, goldens.get(w), text.length())
                      .isTrue();
                  updated += isNew ? 1 : 0;
                }
                mixed += updated > 0 && updated < WORKFLOWS ? 1 : 0;
              }
              // Whatever a kill left behind is a hidden temporary, never a visible file.
              try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(n -> n.endsWith(".yaml") || n.endsWith(".golden.json") || n.endsWith(".log")
                        || (n.startsWith(".") && n.endsWith(".tmp")));
              }
              System.out.printf(
                  "UpdateKillTest: full update %d ms; %d of %d kills landed mid-update%n", fullMillis, mixed, KILLS);
            }));
  }

  /** The "old" golden: complete, valid, and different from the fresh report. */
  private static String old(String fresh) {
    return fresh.replace("\"clock\": \"virtual\"", "\"clock\": \"old\"");
  }

  private static void reset(List<Path> goldens, List<String> fresh) throws java.io.IOException {
    for (int w = 0; w < goldens.size(); w++) {
      Files.writeString(goldens.get(w), old(fresh.get(w)));
    }
  }
}
