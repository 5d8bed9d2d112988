package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh install, as the README tells it: target/aiosim-VERSION.zip unpacked in a temporary
 * folder, bin/aiosim linked into a PATH folder of its own, run by name from elsewhere with no
 * JAVA_HOME, no Maven and no source tree. Also ./runner through a symlink, from another folder.
 * Runs after {@code package} (failsafe), on what the build made.
 */
class DistributionIT {
  private static final Path SEED = Path.of("workflows/seed/gather-handle-exception.yaml").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void theUnpackedDistributionRunsThroughASymlinkOnThePath() throws Exception {
    Path zip = Path.of(System.getProperty("aiosim.distribution", "target/aiosim.zip"));
    assertThat(zip).as("mvn package builds the distribution").exists();
    Path opt = tmp.resolve("opt");
    unpack(zip, opt);
    Path home;
    try (Stream<Path> top = Files.list(opt)) {
      home = top.findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString()).isEqualTo(zip.getFileName().toString().replace(".zip", ""));
    for (String part : new String[] {"bin/aiosim", "libexec/java.sh", "schema/workflow.schema.json",
        "completion/aiosim.bash", "completion/aiosim.zsh", "docs/spec.md"}) {
      assertThat(home.resolve(part)).as(part).isRegularFile();
    }
    try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
      List<String> names = jars.map(p -> p.getFileName().toString()).toList();
      assertThat(names).anyMatch(n -> n.startsWith("aiosim-")).anyMatch(n -> n.startsWith("picocli-"));
      assertThat(names).noneMatch(n -> n.contains("junit") || n.contains("assertj") || n.contains("sources"));
    }
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("aiosim"), home.resolve("bin/aiosim"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.copy(SEED, work.resolve("x.yaml"));

    Result run = shell(bin, work, "aiosim run x.yaml");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(golden());
    Result version = shell(bin, work, "aiosim run -V");
    assertThat(version.out()).startsWith("aiosim " + home.getFileName().toString().substring("aiosim-".length()) + "\n");
    // The shipped script is the one the command prints.
    Result completion = shell(bin, work, "aiosim completion zsh");
    assertThat(completion.out()).isEqualTo(Files.readString(home.resolve("completion/aiosim.zsh")));
  }

  @Test
  void theRunnerWorksThroughASymlinkFromAnyFolder() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("aiosim-dev"), Path.of("runner").toAbsolutePath());
    Path work = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.copy(SEED, work.resolve("x.yaml"));
    try {
      Result run = shell(bin, work, "aiosim-dev run x.yaml");
      assertThat(run.status()).as(run.err()).isZero();
      assertThat(run.out()).isEqualTo(golden());
    } finally {
      Files.delete(link); // a link out of the temporary folder: JUnit would warn about it
    }
  }

  private static String golden() throws IOException {
    return Files.readString(Path.of(SEED.toString().replace(".yaml", ".golden.json")));
  }

  private record Result(int status, String out, String err) {}

  /** {@code command} in a shell whose PATH is {@code bin} and the system's, with no JDK hints. */
  private Result shell(Path bin, Path dir, String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.remove("JAVA_HOME");
    env.remove("AIOSIM_JAVA");
    env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
    env.put("AIOSIM_AOT", "0"); // the runner's start-up cache is beside the point here
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    // A hang guard for a loaded machine, not a timing assertion.
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not finish within 120 s");
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Unzips with the Unix modes the zip records (bin/aiosim must arrive executable). */
  private static void unpack(Path zip, Path into) throws IOException {
    URI uri = URI.create("jar:" + zip.toAbsolutePath().toUri());
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", "true"));
        Stream<Path> entries = Files.walk(fs.getPath("/"))) {
      List<Path> all = new ArrayList<>(entries.toList());
      for (Path entry : all) {
        Path target = into.resolve(fs.getPath("/").relativize(entry).toString());
        if (Files.isDirectory(entry)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(entry, target);
          Set<PosixFilePermission> mode = Files.getPosixFilePermissions(entry);
          Files.setPosixFilePermissions(target, mode);
        }
      }
    }
  }
}
