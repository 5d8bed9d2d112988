package io.aiosim.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code aiosim matrix} over the repository's library equals its goldens:
 * workflows/matrix/README.md (the Markdown, which is also what a reader of that folder sees) and
 * src/test/resources/matrix/matrix.{json,html}; the library inside the jar gives the same table;
 * the README shows it. {@code -Dmatrix.update=true} rewrites the goldens.
 */
class MatrixGoldenTest {
  static final Path LIBRARY = Path.of("workflows", "matrix");
  private static final Path MARKDOWN = LIBRARY.resolve("README.md");
  private static final Path GOLDENS = Path.of("src", "test", "resources", "matrix");
  private static final boolean UPDATE = Boolean.getBoolean("matrix.update");

  private record Run(int status, String out, String err) {}

  private static Run matrix(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = new String[args.length + 1];
    full[0] = "matrix";
    System.arraycopy(args, 0, full, 1, args.length);
    int status = Main.execute(full, new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out.toString(), err.toString());
  }

  private static void assertGolden(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(golden)).as(golden + " exists (-Dmatrix.update=true writes it)").isTrue();
    assertThat(actual).as("aiosim matrix output against " + golden + " (-Dmatrix.update=true rewrites it)")
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void markdownEqualsTheLibrarysReadme() throws IOException {
    Run run = matrix(LIBRARY.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertGolden(MARKDOWN, run.out());
  }

  @Test
  void jsonAndHtmlEqualTheirGoldens() throws IOException {
    for (String format : List.of("json", "html")) {
      Run run = matrix("--format", format, LIBRARY.toString());
      assertThat(run.status()).isZero();
      assertGolden(GOLDENS.resolve("matrix." + format), run.out());
    }
  }

  /** Without a folder, the library inside the jar (built from workflows/matrix) gives the same bytes. */
  @Test
  void theBundledLibraryIsTheRepositorysOne() {
    assertThat(matrix().out()).isEqualTo(matrix(LIBRARY.toString()).out());
  }

  /** The README shows the recomputed table and the disagreements as the command prints them. */
  @Test
  void readmeShowsTheTable() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String markdown = matrix().out();
    String table = markdown.substring(markdown.indexOf("| **Scenario**"), markdown.indexOf("\n## What decides"));
    String shown = table.replace("## Where the runs disagree with the seed's table\n\n", "");
    assertThat(readme).as("README.md shows the output of `aiosim matrix` (table and disagreements)").contains(shown);
  }

  @Test
  void aFolderThatIsNotThereIsAnInputError() {
    Run run = matrix("no/such/folder");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("aiosim matrix: no/such/folder: no such folder\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownFormatIsAnInputError() {
    Run run = matrix("--format", "xml");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--format").contains("markdown, json, html");
  }
}
