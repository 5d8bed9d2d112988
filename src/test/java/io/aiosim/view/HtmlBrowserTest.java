package io.aiosim.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.Aiosim;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import io.aiosim.report.TaskReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every seed workflow's page, and a 10,000-task one, rendered by a real browser (headless
 * Chromium over the DevTools Protocol): no console error or exception, nothing fetched, one lane
 * per reported task plus main (or the lane limit and its note), and the embedded report, once
 * unescaped, equal to the {@code --format json} report byte for byte. Screenshots go to
 * target/pictures/. Skipped, with the reason printed, where no Chromium can be found ({@code
 * .ci/run} installs Debian's).
 */
class HtmlBrowserTest {
  private static final Path OUT = Path.of("target/pictures");
  private static Chromium browser;
  /** Chromium's profile, under target/ and removed at the end: 2.4 MB a run used to stay in /tmp. */
  private static Path profile;

  @AfterAll
  static void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
      }
    }
  }

  private static Chromium browser() throws IOException, InterruptedException {
    if (browser == null) {
      Optional<Path> exe = Chromium.find();
      String reason = "no Chromium on the PATH (apt-get install chromium, or set AIOSIM_CHROMIUM): browser checks skipped";
      if (exe.isEmpty()) {
        System.out.println("HtmlBrowserTest: " + reason);
      }
      Assumptions.assumeTrue(exe.isPresent(), reason);
      Files.createDirectories(OUT);
      profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
      browser = Chromium.start(exe.get(), profile, 1200, 800);
    }
    return browser;
  }

  @TestFactory
  Stream<DynamicTest> seedPagesRenderInChromium() throws IOException {
    List<Path> seeds;
    try (Stream<Path> files = Files.list(Path.of("workflows/seed"))) {
      seeds = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(16);
    return seeds.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static void check(Path yaml) throws Exception {
    Chromium page = browser();
    Workflow w = WorkflowReader.read(yaml).workflow();
    RunResult r = Aiosim.run(w);
    String name = w.name();
    Path html = OUT.resolve(name + ".html");
    Files.writeString(html, HtmlView.page(r, w));
    page.navigate(html.toUri().toString());

    assertThat(page.errors()).as("console errors of " + name).isEmpty();
    assertThat(page.evaluate("performance.getEntriesByType('resource').length").asInt()).as("resources fetched").isZero();
    List<String> lanes = new ArrayList<>();
    for (JsonNode n : page.evaluate("[...document.querySelectorAll('svg g.lane')].map(g => g.dataset.task)")) {
      lanes.add(n.asString());
    }
    List<String> expected = new ArrayList<>(List.of("main"));
    r.tasks().stream().map(TaskReport::name).forEach(expected::add);
    assertThat(lanes).as("one lane per task plus main").hasSize(r.tasks().size() + 1).containsExactlyInAnyOrderElementsOf(expected);
    String embedded = page.evaluate("document.getElementById('" + HtmlView.REPORT_ID + "').textContent").asString();
    assertThat(unescape(embedded)).isEqualTo(ReportWriter.toJson(r));
    assertThat(page.evaluate("JSON.parse(document.getElementById('" + HtmlView.REPORT_ID + "').textContent).workflow").asString())
        .isEqualTo(name);
    Files.write(OUT.resolve(name + ".png"), page.screenshot());
  }

  @TestFactory
  Stream<DynamicTest> tenThousandTasksStayUsable() {
    return Stream.of(DynamicTest.dynamicTest("10,000 tasks", () -> {
      Chromium page = browser();
      String yaml =
          "version: 1\nname: ten-thousand\nseed: 7\nstrategy: {kind: gather}\ntasks:\n"
              + "  - {name: \"worker-{i}\", count: 10000, delay: {uniform: [0.0, 10.0]}, result: \"{i}\"}\n";
      Workflow w = WorkflowReader.read("ten-thousand.yaml", yaml).workflow();
      RunResult r = Aiosim.run(w);
      Path html = OUT.resolve("ten-thousand.html");
      Files.writeString(html, HtmlView.page(r, w));
      page.navigate(html.toUri().toString());
      assertThat(page.errors()).isEmpty();
      assertThat(page.evaluate("document.querySelectorAll('svg g.lane').length").asInt()).isEqualTo(HtmlView.LANES + 1);
      assertThat(page.evaluate("document.body.innerText").asString()).contains("of 10,000 tasks are drawn").contains("more tasks are not drawn");
      assertThat(page.evaluate("document.querySelectorAll('svg .band path.alive').length").asInt()).isEqualTo(1);
      Files.write(OUT.resolve("ten-thousand.png"), page.screenshot());
    }));
  }

  /** The page escapes {@code </} and {@code <!--} inside the report (JSON allows {@code \/}, {@code \u0021}). */
  static String unescape(String embedded) {
    return embedded.replace("<\\/", "</").replace("<\\u0021--", "<!--");
  }
}
