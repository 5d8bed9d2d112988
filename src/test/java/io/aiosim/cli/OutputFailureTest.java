package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The table in src/test/resources/cli/output-failures.yaml: one line, exit 2, never a trace. */
class OutputFailureTest {
  private static final String SEED = "workflows/seed/gather-basic.yaml";
  private static final String BIG =
      """
      version: 1
      strategy: {kind: gather}
      tasks:
        - name: worker-{i}
          count: 400
          delay: 0.1
          result: "{i}"
      """;

  @TempDir Path root;

  @TestFactory
  Stream<DynamicTest> everyFileMistakeIsOneLineWithStatusTwo() throws IOException {
    List<Map<String, Object>> cases;
    try (InputStream in = getClass().getResourceAsStream("/cli/output-failures.yaml")) {
      cases =
          new YAMLMapper()
              .readValue(
                  new String(in.readAllBytes(), StandardCharsets.UTF_8),
                  new TypeReference<List<Map<String, Object>>>() {});
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Map<String, Object> c = cases.get(i);
      Path tmp = root.resolve("case-" + i);
      tests.add(DynamicTest.dynamicTest((String) c.get("name"), () -> check(c, tmp)));
    }
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private static void check(Map<String, Object> c, Path tmp) throws Exception {
    Files.createDirectories(tmp);
    String needs = (String) c.get("needs");
    if ("sys".equals(needs)) {
      Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "needs Linux's /sys");
    }
    int count = (Integer) c.getOrDefault("count", 1);
    Map<String, String> files = (Map<String, String>) c.getOrDefault("files", Map.of());
    for (var f : files.entrySet()) {
      for (int i = 0; i < count; i++) {
        create(tmp.resolve(f.getKey().replace("{i}", Integer.toString(i))), f.getValue());
      }
    }
    for (var m : ((Map<String, String>) c.getOrDefault("chmod", Map.of())).entrySet()) {
      Files.setPosixFilePermissions(tmp.resolve(m.getKey()), PosixFilePermissions.fromString(m.getValue()));
    }
    if ("not-root".equals(needs)) {
      Path probe = tmp.resolve((String) ((Map<String, String>) c.get("chmod")).keySet().iterator().next()).resolve("probe");
      boolean bites;
      try {
        Files.createFile(probe);
        Files.delete(probe);
        bites = false;
      } catch (IOException e) {
        bites = true;
      }
      Assumptions.assumeTrue(bites, "a read-only folder is writable here (running as root): case skipped");
    }
    String[] args =
        ((List<String>) c.get("args")).stream().map(a -> a.replace("$TMP", tmp.toString())).toArray(String[]::new);
    String err = ((String) c.get("err")).replace("$TMP", tmp.toString());
    if (c.containsKey("file_limit_kb")) {
      Path log = tmp.getParent().resolve(tmp.getFileName() + ".log");
      List<String> ulimit = List.of("bash", "-c", "ulimit -f " + c.get("file_limit_kb") + " && exec \"$@\"", "bash");
      int status = ChildJvm.run(ChildJvm.builder(ulimit, Map.of(), log, args));
      String output = Files.readString(log);
      assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(output.lines().reduce((a, b) -> b).orElse("")).isEqualTo(err);
      assertThat(status).as(output).isEqualTo(2);
    } else {
      Cli r = Cli.run(args);
      assertThat(r.err()).isEqualTo(err + "\n");
      assertThat(r.status()).as(r.err()).isEqualTo(2);
    }
    for (String absent : (List<String>) c.getOrDefault("absent", List.of())) {
      assertThat(tmp.resolve(absent)).doesNotExist();
    }
  }

  private static void create(Path p, String content) throws IOException {
    if (content.equals("/")) {
      Files.createDirectories(p);
      return;
    }
    Files.createDirectories(p.getParent());
    switch (content) {
      case "@gather" -> Files.copy(Path.of(SEED), p);
      case "@gather.golden" -> Files.copy(Path.of(SEED.replace(".yaml", ".golden.json")), p);
      case "@big" -> Files.writeString(p, BIG);
      default -> Files.writeString(p, content);
    }
  }
}
