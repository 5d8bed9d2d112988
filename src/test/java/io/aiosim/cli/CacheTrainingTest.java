package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up caches' training (CacheTraining); LauncherTest checks which one a command line gets. */
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
    assertThat(run).isNotEmpty().allMatch(PlainRun::matches);
    assertThat(all).anyMatch(l -> l[0].equals("matrix")).anyMatch(l -> l[0].equals("run") && !PlainRun.matches(l));
    // The text training runs only command lines answered by a fixed text, never picocli's model.
    assertThat(CacheTraining.commandLines("text", tmp.resolve("text")))
        .isNotEmpty()
        .allMatch(l -> l.length == 1 && l[0].equals("--version") || HelpTexts.topic(l) != null)
        .anyMatch(l -> HelpTexts.topic(l) != null);
    assertThatThrownBy(() -> CacheTraining.commandLines("runn", tmp)).hasMessageContaining("run, text, all");
  }
}
