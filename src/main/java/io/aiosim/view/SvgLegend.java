package io.aiosim.view;

import static io.aiosim.view.Page.escape;
import static io.aiosim.view.Page.px;
import static io.aiosim.view.SvgTimeline.CHAR;
import static io.aiosim.view.SvgTimeline.PAD;

import io.aiosim.report.Lane.Mark;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The timeline's legend: a swatch and words for each kind of mark the picture drew, no more. */
final class SvgLegend {
  /** The legend's order; only what was drawn is listed. */
  private static final List<String> LEGEND =
      List.of("main-step", "await", "sleep", "cleanup", "shutdown", "run", "log", "yield", "step-end", "main-end", "cancel",
          "completed", "failed", "cancelled", "pending", "arrow-spawn", "arrow-strategy", "arrow-timeout", "arrow-parent", "arrow-shutdown");


  private SvgLegend() {}

  /** The legend of what was drawn, wrapped to the width; returns its bottom. */
  static double write(StringBuilder out, Set<String> legend, double y, double width) {
    List<String[]> items = new ArrayList<>();
    for (String key : LEGEND) {
      if (!legend.contains(key)) {
        continue;
      }
      String words = switch (key) {
        case "run" -> "running";
        case "log" -> "log";
        case "sleep" -> "sleeping";
        case "await" -> "awaiting tasks";
        case "main-step" -> "strategy step";
        case "cleanup" -> "cleaning up after a cancel";
        case "shutdown" -> "asyncio.run shutting down";
        case "cancel" -> "cancel() requested";
        case "yield" -> "item yielded";
        case "step-end" -> "step returns / raises";
        case "main-end" -> "main returns";
        case "completed" -> "completed";
        case "failed" -> "failed";
        case "cancelled" -> "cancelled";
        case "pending" -> "pending at exit";
        case "arrow-spawn" -> "creates";
        default -> "cancel by " + key.substring("arrow-".length());
      };
      items.add(new String[] {key, words});
    }
    out.append("<g class=\"legend\">\n");
    double x = PAD;
    double cy = y + 8;
    for (String[] item : items) {
      double w = 26 + item[1].length() * CHAR + 18;
      if (x + w > width - PAD) {
        x = PAD;
        cy += 20;
      }
      out.append(swatch(item[0], x + 10, cy)).append("<text x=\"").append(px(x + 24)).append("\" y=\"").append(px(cy + 4)).append("\">")
          .append(escape(item[1])).append("</text>\n");
      x += w;
    }
    out.append("</g>\n");
    return cy + 10;
  }

  private static String swatch(String key, double x, double cy) {
    return switch (key) {
      case "run" -> SvgTimeline.rect("run", x - 1, cy - 7, 2, 14) + "/>";
      case "log" -> "<circle class=\"log\" cx=\"" + px(x) + "\" cy=\"" + px(cy) + "\" r=\"2.5\"/>";
      case "sleep", "await", "main-step", "cleanup" -> SvgTimeline.rect(key, x - 9, cy - 5, 18, 10) + " rx=\"2\"/>";
      case "shutdown" -> "<line class=\"shutdown\" x1=\"" + px(x - 9) + "\" y1=\"" + px(cy) + "\" x2=\"" + px(x + 9) + "\" y2=\"" + px(cy) + "\"/>";
      case "cancel" -> SvgTimeline.path("c-shutdown", "M" + px(x - 4) + "," + px(cy - 3) + " h8 l-4,6 z") + "/>";
      case "yield" -> SvgTimeline.path("yield", "M" + px(x) + "," + px(cy - 6) + " l5,6 l-5,6 l-5,-6 z") + "/>";
      case "step-end" -> SvgTimeline.path("completed", "M" + px(x) + "," + px(cy - 6) + " l6,11 h-12 z") + "/>";
      case "main-end" -> SvgTimeline.rect("run", x - 4, cy - 4, 8, 8) + "/>";
      case "completed" -> "<g class=\"completed\">" + SvgTimeline.ending(Mark.Kind.COMPLETED, x, cy) + "</g>";
      case "failed" -> "<g class=\"failed\">" + SvgTimeline.ending(Mark.Kind.FAILED, x, cy) + "</g>";
      case "cancelled" -> "<g class=\"cancelled\">" + SvgTimeline.ending(Mark.Kind.CANCELLED, x, cy) + "</g>";
      case "pending" -> "<g class=\"pending\">" + SvgTimeline.ending(Mark.Kind.PENDING, x, cy) + "</g>";
      default -> {
        String name = key.substring("arrow-".length());
        yield "<line class=\"" + (name.equals("spawn") ? "spawn" : "c-" + name) + "\" x1=\"" + px(x - 9) + "\" y1=\"" + px(cy) + "\" x2=\""
            + px(x + 8) + "\" y2=\"" + px(cy) + "\" stroke-width=\"1.6\" marker-end=\"url(#head-" + name + ")\"/>";
      }
    };
  }

}
