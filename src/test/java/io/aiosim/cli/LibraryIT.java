package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.Aiosim;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a project using aiosim as a library gets from the built jar and the pom: a module name,
 * sources, and no command-line or logging-binding dependencies forced on it.
 */
class LibraryIT {
  @TempDir Path tmp;

  @Test
  void theJarNamesItsModuleAndVersionAndHasItsSources() throws Exception {
    try (JarFile jar = new JarFile("target/aiosim.jar")) {
      var attributes = jar.getManifest().getMainAttributes();
      assertThat(attributes.getValue("Automatic-Module-Name")).isEqualTo("io.aiosim");
      assertThat(attributes.getValue("Implementation-Version")).isNotBlank();
    }
    try (JarFile sources = new JarFile("target/aiosim-sources.jar")) {
      assertThat(sources.getEntry("io/aiosim/Aiosim.java")).isNotNull();
      assertThat(sources.getEntry("io/aiosim/junit/WorkflowTests.java")).isNotNull();
    }
  }

  @Test
  void picocliAndTheLoggingBindingAreNotForcedOnClients() throws Exception {
    Element project =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml")).getDocumentElement();
    NodeList deps = project.getElementsByTagName("dependency");
    boolean sawPicocli = false;
    boolean sawBinding = false;
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      if (d.getParentNode().getParentNode() != project) {
        continue; // dependencyManagement's BOMs
      }
      String artifact = text(d, "artifactId");
      if (artifact.equals("picocli")) {
        sawPicocli = true;
        assertThat(text(d, "optional")).isEqualTo("true");
      }
      if (artifact.equals("slf4j-simple")) {
        sawBinding = true;
        assertThat(text(d, "scope")).isEqualTo("runtime");
        assertThat(text(d, "optional")).isEqualTo("true");
      }
    }
    assertThat(sawPicocli && sawBinding).isTrue();
  }

  @Test
  void theLibraryRunsWithoutPicocliOrTheBinding() throws Exception {
    List<String> classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !e.contains("picocli") && !e.contains("slf4j-simple"))
            .toList();
    Path workflow = Path.of("workflows/seed/gather-basic.yaml");
    Path out = tmp.resolve("out.json");
    ProcessBuilder pb =
        new ProcessBuilder(
            ProcessHandle.current().info().command().orElse("java"), "-cp", String.join(File.pathSeparator, classpath),
            LibraryClient.class.getName(), workflow.toString());
    pb.redirectOutput(out.toFile()).redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("hang guard").isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();
    assertThat(Files.readString(out)).isEqualTo(Aiosim.runToJson(workflow));
  }

  private static String text(Element e, String tag) {
    NodeList n = e.getElementsByTagName(tag);
    return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
  }

  /** A library client: reads, runs and prints one workflow through the public API only. */
  public static final class LibraryClient {
    public static void main(String[] args) throws Exception {
      System.out.print(Aiosim.runToJson(Path.of(args[0])));
    }
  }
}
