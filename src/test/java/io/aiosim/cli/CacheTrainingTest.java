package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up caches' training (CacheTraining) and the launcher's choice among them (java.sh). */
class CacheTrainingTest {
  @TempDir Path tmp;

  private static Set<String> written(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("workflows"))) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void thePlainRunCacheTrainsOnEveryScenarioOfTheMatrixTable() throws IOException {
    List<String[]> all = CacheTraining.commandLines("all", tmp.resolve("all"));
    List<String[]> run = CacheTraining.commandLines("run", tmp.resolve("run"));
    // The table (computed by the "all" training) names exactly the scenarios the run training lists.
    assertThat(written(tmp.resolve("run"))).hasSize(35).isEqualTo(written(tmp.resolve("all")));
    assertThat(run).isNotEmpty().allMatch(RunCommand::plain);
    assertThat(all).anyMatch(l -> l[0].equals("matrix")).anyMatch(l -> l[0].equals("run") && !RunCommand.plain(l));
    assertThat(CacheTraining.commandLines("version", tmp.resolve("version"))).containsExactly(new String[] {"--version"});
    assertThatThrownBy(() -> CacheTraining.commandLines("runn", tmp)).hasMessageContaining("run, version, all");
  }

  /** java.sh's aot_kind picks the run cache exactly for the command lines RunCommand.plain runs. */
  @Test
  void theLauncherPicksTheCacheOfTheCommandLine() throws Exception {
    record Row(String kind, String... args) {}
    List<Row> rows =
        List.of(
            new Row("run", "run", "a.yaml"),
            new Row("run", "run", "a.yaml", "dir", "b c.yml"),
            new Row("all", "run"),
            new Row("all", "run", "-"),
            new Row("all", "run", "--no-events", "a.yaml"),
            new Row("all", "run", "a.yaml", "--format", "text"),
            new Row("all", "run", "@args.txt"),
            new Row("all", "run", ""),
            new Row("version", "--version"),
            new Row("version", "-V"),
            new Row("all", "--version", "--help"),
            new Row("all", "run", "--version"),
            new Row("all", "--help"),
            new Row("all"),
            new Row("all", "test", "a.yaml"),
            new Row("all", "validate", "a.yaml"));
    StringBuilder script = new StringBuilder(". src/dist/libexec/java.sh\n");
    for (Row row : rows) {
      script.append("aot_kind");
      for (String a : row.args()) script.append(" '").append(a).append('\'');
      script.append("; echo \"$REPLY\"\n");
    }
    Process p = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true).start();
    List<String> kinds = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor()).isZero();
    List<String> expected = new ArrayList<>();
    for (Row row : rows) {
      expected.add(row.kind());
      if (row.args().length > 0 && row.args()[0].equals("run")) {
        assertThat(RunCommand.plain(row.args())).as(String.join(" ", row.args())).isEqualTo(row.kind().equals("run"));
      }
    }
    assertThat(kinds).isEqualTo(expected);
    assertThat(CacheTraining.KINDS).containsExactlyInAnyOrderElementsOf(Set.copyOf(expected));
  }
}
