package io.aiosim.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.Aiosim;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.report.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The pictures are data: each is compared byte for byte with its golden under
 * src/test/resources/view/ (a run twice gives the same bytes). After a deliberate change, run
 * with {@code -Daiosim.updateViews=true} to rewrite them, and look at the difference.
 */
class ViewGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/view");

  private record Case(String workflow, String suffix, BiFunction<RunResult, Workflow, String> view) {}

  @TestFactory
  Stream<DynamicTest> picturesMatchTheirGoldens() {
    String seed = "workflows/seed/gather-handle-exception.yaml";
    String cleanup = "workflows/conformance/cleanup-second-cancel-taskgroup.yaml";
    String nested = "workflows/conformance/nested-gather-of-taskgroups.yaml";
    return Stream.of(
            new Case(seed, ".html", HtmlView::page),
            new Case(seed, ".trace.json", TraceView::trace),
            new Case(seed, ".md", MermaidView::chart),
            new Case(cleanup, ".html", HtmlView::page),
            new Case(cleanup, ".md", MermaidView::chart),
            new Case(nested, ".trace.json", TraceView::trace))
        .map(c -> {
          String name = Path.of(c.workflow()).getFileName().toString().replace(".yaml", c.suffix());
          return DynamicTest.dynamicTest(name, () -> {
            Workflow w = WorkflowReader.read(Path.of(c.workflow())).workflow();
            String actual = c.view().apply(Aiosim.run(w), w);
            assertThat(c.view().apply(Aiosim.run(w), w)).as("same bytes on a second run").isEqualTo(actual);
            Path golden = DIR.resolve(name);
            if (Boolean.getBoolean("aiosim.updateViews")) {
              Files.writeString(golden, actual);
            }
            assertThat(actual).isEqualTo(Files.readString(golden));
          });
        });
  }
}
