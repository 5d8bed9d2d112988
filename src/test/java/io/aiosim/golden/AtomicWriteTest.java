package io.aiosim.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporaries left by a killed writer are removed by the next write in their folder. */
class AtomicWriteTest {

  @Test
  void theNextWriteInAFolderRemovesTheTemporariesOfDeadWriters(@TempDir Path dir) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.writeString(dir.resolve(".x.json." + gone.pid() + ".123.tmp"), "half");
    Path live = Files.writeString(dir.resolve(".y.json." + ProcessHandle.current().pid() + ".456.tmp"), "busy");
    Path foreign = Files.writeString(dir.resolve(".notes.tmp"), "not ours");

    AtomicWrite.replace(dir.resolve("z.json"), "new\n");

    assertThat(dir.resolve("z.json")).hasContent("new");
    assertThat(stale).doesNotExist();
    assertThat(live).exists();
    assertThat(foreign).exists();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("z.json", live.getFileName().toString(), ".notes.tmp");
    }
  }
}
