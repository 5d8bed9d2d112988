package io.aiosim.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.aiosim.export.PythonExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the corpus under CPython 3.13 and lists the scenarios whose report differs from 3.12's
 * golden: informative only (workflows/conformance/README.md explains each), never a failure,
 * except when an exported program does not run at all under 3.13.
 */
class Python313Test {
  @Test
  void listsTheScenariosWhere313Differs() throws IOException {
    Path work = ConformanceTest.TARGET.resolve("py313");
    try (Python python =
        Python.find(13, work).orElseGet(() -> {
          Assumptions.abort("no CPython 3.13 found: the 3.13 differences are not listed");
          return null;
        })) {
      List<String> differing = new ArrayList<>();
      StringBuilder details = new StringBuilder();
      List<Path> corpus = ConformanceTest.workflowFiles().stream().filter(p -> p.startsWith(ConformanceTest.CORPUS)).toList();
      for (Path file : corpus) {
        if (!Files.exists(Workflows.golden(file))) {
          continue; // ConformanceTest reports the missing golden
        }
        String report = python.run(file.getFileName().toString(), PythonExporter.export(Workflows.load(file)));
        // The python key names the interpreter: only what else differs counts here.
        String golden = Files.readString(Workflows.golden(file)).replace("\"python\": \"3.12\"", "\"python\": \"3.13\"");
        if (!report.equals(golden)) {
          String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
          differing.add(name);
          details.append("## ").append(name).append('\n')
              .append(ReportDiff.describe(golden, report, "3.12", "3.13")).append('\n');
        }
      }
      Files.writeString(work.resolve("differences.txt"), details.toString());
      System.out.printf(
          "conformance: under CPython 3.13, %d of %d corpus scenarios differ from 3.12: %s (details: %s)%n",
          differing.size(), corpus.size(), String.join(", ", differing), work.resolve("differences.txt"));
      assertFalse(corpus.isEmpty(), "no corpus under " + ConformanceTest.CORPUS);
    }
  }
}
