package io.aiosim.view;

import io.aiosim.dsl.Workflow;
import io.aiosim.report.RunResult;
import java.io.PrintWriter;

public final class MermaidView {
  private MermaidView() {}

  public static void write(RunResult r, Workflow w, PrintWriter out) {}
}
