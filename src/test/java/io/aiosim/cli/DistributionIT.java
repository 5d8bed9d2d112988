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
import org.junit.jupiter.api.Assumptions;
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
    Path zip = distribution();
    Path home = install(zip);
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
    Path bin = linkOnPath(home);
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

  /**
   * The launcher's start-up caches (src/dist/libexec/java.sh): the first run of each kind trains
   * its cache, every command then starts from one (-XX:AOTMode=on makes a run fail when the JVM
   * cannot map it; the texts start none, see the next test) with the output it has without it,
   * the classes come from it, and a run loads neither the schema validator nor Jackson's databind.
   */
  @Test
  void everyCommandStartsFromTheCacheTheFirstRunTrains() throws Exception {
    Path home = install(distribution());
    Path bin = linkOnPath(home);
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.copy(SEED, work.resolve("x.yaml"));
    Files.writeString(work.resolve("x.golden.json"), golden());
    Result first = shell(bin, work, "aiosim --version", Map.of("AIOSIM_AOT", "1"));
    assertThat(first.status()).as(first.err()).isZero();
    int feature = Integer.parseInt(first.out().lines().skip(1).findFirst().orElseThrow().replaceAll("^Java (\\d+).*", "$1"));
    Assumptions.assumeTrue(feature >= 25, "the launcher's JDK is " + feature + ": AOT caches need JDK 25 (21-24 get a CDS archive)");
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".aot"));
    }
    for (String command : new String[] {"aiosim --version", "aiosim --help", "aiosim help run", "aiosim run x.yaml", "aiosim run --format text x.yaml",
        "aiosim validate x.yaml", "aiosim test .", "aiosim export --python x.yaml", "aiosim schema", "aiosim matrix",
        "aiosim completion bash"}) {
      Result cached = shell(bin, work, command, Map.of("AIOSIM_AOT", "require"));
      Result cold = shell(bin, work, command, Map.of());
      assertThat(cached).as(command).isEqualTo(cold);
    }
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".aot")).map(n -> n.replaceAll(".*\\.(\\w+)\\.aot", "$1")))
          .containsExactlyInAnyOrder("text", "run", "all");
    }
    Path log = tmp.resolve("classes.txt");
    for (String command : new String[] {"aiosim run x.yaml", "aiosim run --format text x.yaml"}) {
      shell(bin, work, command, Map.of("AIOSIM_AOT", "require", "JAVA_OPTS", "-Xlog:class+load=info:file=" + log));
      List<String> loaded = Files.readAllLines(log);
      List<String> classes = new ArrayList<>(List.of("io.aiosim.cli.RunCommand ", "io.aiosim.engine.EventLoop ", "io.aiosim.report.ReportWriter "));
      if (command.contains("--format")) classes.addAll(List.of("picocli.CommandLine ", "io.aiosim.report.TextView "));
      for (String c : classes) {
        assertThat(loaded).as(command + ": " + c).anyMatch(l -> l.contains(" " + c) && l.contains("source: shared objects file"));
      }
      // A pattern switch spins a class at its first use, which no cache keeps (engine.Task).
      if (!command.contains("--format")) {
        assertThat(loaded).as(command).noneMatch(l -> l.contains("$$TypeSwitch"));
      }
    }
    for (String command : new String[] {"aiosim run x.yaml", "aiosim validate x.yaml"}) {
      shell(bin, work, command, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log));
      assertThat(Files.readAllLines(log)).as(command).anyMatch(l -> l.contains(" io.aiosim.dsl.WorkflowReader "))
          .noneMatch(l -> l.contains(" com.networknt.") || l.contains(" tools.jackson.databind."));
    }
  }

  /**
   * After the first text command line, --version and the uncolored help texts are printed by
   * bash from files next to the caches (java.sh texts_print), the bytes and the status the JVM
   * gives, a failed write included. Under a 64 MiB address-space limit no JVM starts, and they
   * still work; JVM options send them to the JVM again.
   */
  @Test
  void afterTheFirstRunTheTextsArePrintedWithoutAJvm() throws Exception {
    Path home = install(distribution());
    Path bin = linkOnPath(home);
    Path work = Files.createDirectories(tmp.resolve("work"));
    Map<String, String> on = Map.of("AIOSIM_AOT", "1");
    Result first = shell(bin, work, "aiosim --version", on);
    assertThat(first.status()).as(first.err()).isZero();
    String limit = "ulimit -v 65536; ";
    assertThat(shell(bin, work, limit + "aiosim --version").status()).as("a JVM under the limit").isNotZero();
    assertThat(shell(bin, work, limit + "aiosim --version", Map.of("AIOSIM_AOT", "1", "JAVA_OPTS", "-Xshare:auto")).status())
        .as("with JAVA_OPTS").isNotZero();
    for (String command : new String[] {"aiosim --version", "aiosim -V", "aiosim --help", "aiosim -h", "aiosim help",
        "aiosim help run", "aiosim validate --help", "aiosim explore -h", "aiosim --version >/dev/full", "aiosim help test >/dev/full"}) {
      Result texts = shell(bin, work, limit + command, on);
      Result cold = shell(bin, work, command);
      assertThat(texts).as(command).isEqualTo(cold);
      assertThat(cold.status()).as(command).isEqualTo(command.contains("/dev/full") ? 2 : 0);
    }
  }

  private static Path distribution() {
    Path zip = Path.of(System.getProperty("aiosim.distribution", "target/aiosim.zip"));
    assertThat(zip).as("mvn package builds the distribution").exists();
    return zip;
  }

  /** The distribution unpacked under tmp/opt; its home folder. */
  private Path install(Path zip) throws IOException {
    Path opt = tmp.resolve("opt");
    unpack(zip, opt);
    try (Stream<Path> top = Files.list(opt)) {
      return top.findFirst().orElseThrow();
    }
  }

  /** A PATH folder under tmp with bin/aiosim of the installation {@code home} linked into it. */
  private Path linkOnPath(Path home) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("aiosim"), home.resolve("bin/aiosim"));
    return bin;
  }

  private static String golden() throws IOException {
    return Files.readString(Path.of(SEED.toString().replace(".yaml", ".golden.json")));
  }

  private record Result(int status, String out, String err) {}

  /** {@code command} in a shell whose PATH is {@code bin} and the system's, with no JDK hints. */
  private Result shell(Path bin, Path dir, String command) throws Exception {
    return shell(bin, dir, command, Map.of());
  }

  /** As above, with {@code vars} set (the start-up cache stays off unless they turn it on). */
  private Result shell(Path bin, Path dir, String command, Map<String, String> vars) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.remove("JAVA_HOME");
    env.remove("AIOSIM_JAVA");
    env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
    env.put("AIOSIM_AOT", "0"); // the start-up cache is beside the point, unless vars turn it on
    env.putAll(vars);
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    // A hang guard for a loaded machine (training the start-up cache runs every command), not a
    // timing assertion.
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not finish within 600 s");
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
