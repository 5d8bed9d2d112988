package io.aiosim.view;

import static io.aiosim.view.Page.escape;
import static io.aiosim.view.Page.px;

import io.aiosim.report.Lane;
import io.aiosim.report.Lane.Mark;
import io.aiosim.report.Lane.Span;
import io.aiosim.report.Lanes;
import io.aiosim.report.PyNumbers;
import io.aiosim.report.RunResult;
import io.aiosim.report.TaskReport;
import io.aiosim.report.TimeAxis;
import io.aiosim.report.ValueText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The picture of a run as inline SVG: a time axis, main's lane and one lane per task (a {@code
 * <g class="lane">} each, children indented under their parent), with what each was doing,
 * instants, ends, arrows for spawns and cancels, hover detail in {@code <title>}s and a legend of
 * what appears. Above {@link #AGGREGATE_FROM} tasks a band shows how many were alive over time
 * and how many ended, counted over all of them, drawn lanes or not.
 */
final class SvgTimeline {
  static final int AGGREGATE_FROM = 50;
  static final int PAD = 12;
  private static final int LANE = 30;
  private static final int CHART = 680;
  private static final int DETAIL_CHARS = 34;
  static final double CHAR = 7.3; // DejaVu Sans Mono at 12px
  private static final int BAND = 78;
  private static final List<String> CAUSES = List.of("strategy", "timeout", "parent", "shutdown");
  private final StringBuilder out = new StringBuilder();
  /** Ends and step ends, drawn last so that arrows passing by do not hide them. */
  private final StringBuilder ends = new StringBuilder();
  private final RunResult r;
  private final Lanes lanes;
  private final long total;
  private final double chartX;
  private final double detailX;
  private final double width;
  private final Set<String> legend = new HashSet<>();

  private SvgTimeline(RunResult r, Lanes lanes) {
    this.r = r;
    this.lanes = lanes;
    this.total = Math.max(1, r.finishedAtNs());
    int label = 4;
    for (Lane l : lanes.lanes()) {
      label = Math.max(label, Math.min(28, l.name().length() + 2 * Math.max(0, l.depth() - 1)));
    }
    this.chartX = PAD + label * CHAR + 16;
    this.detailX = chartX + CHART + 18;
    this.width = detailX + DETAIL_CHARS * CHAR + PAD;
  }

  static void write(StringBuilder page, RunResult r, Lanes lanes) {
    new SvgTimeline(r, lanes).draw(page);
  }

  private double x(long ns) {
    return chartX + (double) Math.min(ns, total) / total * CHART;
  }

  private double laneY(int i, double top) {
    return top + i * LANE + LANE / 2.0;
  }

  /** The body is drawn first: the legend, and so the height, depend on what appears. */
  private void draw(StringBuilder page) {
    List<Lane> ls = lanes.lanes();
    boolean band = r.tasks().size() > AGGREGATE_FROM;
    double top = 30 + (band ? BAND : 0);
    double lanesEnd = top + ls.size() * LANE + (lanes.hidden() > 0 ? LANE : 0);
    boolean bottomAxis = ls.size() > 20;
    double legendY = lanesEnd + (bottomAxis ? 30 : 12);
    for (int i = 1; i < ls.size(); i += 2) {
      out.append(rect("stripe", PAD / 2.0, laneY(i, top) - LANE / 2.0, width - PAD, LANE)).append("/>\n");
    }
    axis(22, true, lanesEnd);
    if (band) {
      band(30);
    }
    for (int i = 0; i < ls.size(); i++) {
      lane(ls.get(i), i, laneY(i, top));
    }
    if (lanes.hidden() > 0) {
      out.append("<text x=\"").append(px(PAD)).append("\" y=\"").append(px(laneY(ls.size(), top) + 4)).append("\" class=\"detail\">… ")
          .append(ValueText.count(lanes.hidden())).append(" more tasks are not drawn (at most ")
          .append(ValueText.count(ls.size() - 1)).append(" lanes)</text>\n");
    }
    arrows(top);
    out.append("<g class=\"ends\">\n").append(ends).append("</g>\n");
    if (bottomAxis) {
      axis(lanesEnd + 14, false, lanesEnd);
    }
    double height = SvgLegend.write(out, legend, legendY, width) + PAD;
    page.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"").append(px(width)).append("\" height=\"")
        .append(px(height)).append("\" viewBox=\"0 0 ").append(px(width)).append(' ').append(px(height))
        .append("\" role=\"img\" aria-label=\"Timeline of ").append(escape(r.workflow())).append("\">\n");
    defs(page);
    page.append(out).append("</svg>\n");
  }

  private static void defs(StringBuilder page) {
    page.append("<defs>\n");
    marker(page, "spawn", "#adb5bd");
    for (String c : CAUSES) {
      marker(page, c, switch (c) {
        case "strategy" -> "#d6336c";
        case "timeout" -> "#f08c00";
        case "parent" -> "#7048e8";
        default -> "#343a40";
      });
    }
    page.append("</defs>\n");
  }

  private static void marker(StringBuilder page, String name, String colour) {
    page.append("<marker id=\"head-").append(name).append("\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M0,0 L8,4 L0,8 z\" fill=\"").append(colour).append("\"/></marker>\n");
  }

  /** Tick labels above ({@code above}) or below the line at {@code y}; grid lines down to {@code bottom}. */
  private void axis(double y, boolean above, double bottom) {
    long step = TimeAxis.step(total, 8);
    out.append("<g class=\"axis\">\n<line x1=\"").append(px(chartX)).append("\" y1=\"").append(px(y)).append("\" x2=\"")
        .append(px(chartX + CHART)).append("\" y2=\"").append(px(y)).append("\"/>\n");
    for (long t = 0; t <= total; t += step) {
      double x = x(t);
      if (above) {
        out.append("<line class=\"grid\" x1=\"").append(px(x)).append("\" y1=\"").append(px(y)).append("\" x2=\"").append(px(x))
            .append("\" y2=\"").append(px(bottom)).append("\"/>\n");
      }
      out.append("<line x1=\"").append(px(x)).append("\" y1=\"").append(px(y - 3)).append("\" x2=\"").append(px(x)).append("\" y2=\"")
          .append(px(y + 3)).append("\"/>\n<text x=\"").append(px(x)).append("\" y=\"").append(px(above ? y - 7 : y + 15))
          .append("\" text-anchor=\"middle\">").append(TimeAxis.label(t)).append(t == 0 ? " s" : "").append("</text>\n");
      if (t > Long.MAX_VALUE - step) {
        break;
      }
    }
    out.append("</g>\n");
  }

  private void lane(Lane lane, int index, double cy) {
    TaskReport t = lane.task();
    out.append("<g class=\"lane\" data-task=\"").append(escape(lane.name())).append("\">\n");
    String label = "  ".repeat(Math.max(0, lane.depth() - 1)) + lane.name();
    out.append("<text x=\"").append(px(PAD)).append("\" y=\"").append(px(cy + 4)).append("\" xml:space=\"preserve\"")
        .append(lane.isMain() ? " class=\"name-main\"" : "").append('>').append(escape(cut(label, 28)))
        .append("<title>").append(escape(laneTitle(lane))).append("</title></text>\n");
    for (Span s : lane.spans()) {
      span(lane, s, cy);
    }
    for (Mark m : lane.marks()) {
      mark(lane, m, cy);
    }
    String detail = lane.isMain() ? mainDetail() : detail(t);
    out.append("<text class=\"detail\" x=\"").append(px(detailX)).append("\" y=\"").append(px(cy + 4)).append("\">")
        .append(escape(cut(detail, DETAIL_CHARS))).append("<title>").append(escape(detail)).append("</title></text>\n</g>\n");
  }

  private String laneTitle(Lane lane) {
    if (lane.isMain()) {
      return "main: " + (lane.spans().isEmpty() ? r.strategy().kind().key() : lane.spans().getFirst().what());
    }
    TaskReport t = lane.task();
    return t.name() + ": " + t.state().key() + ", started "
        + (t.startedAtNs() == null ? "never" : "at " + PyNumbers.seconds(t.startedAtNs()) + " s")
        + (t.finishedAtNs() == null ? "" : ", finished at " + PyNumbers.seconds(t.finishedAtNs()) + " s")
        + (t.parent() == null ? "" : ", created by " + t.parent());
  }

  private String mainDetail() {
    var o = r.outcome();
    return r.strategy().kind().key() + (o.returned() ? " returned " + ValueText.value(o.value(), 60) : " raised " + ValueText.error(o.error(), 60));
  }

  private static String detail(TaskReport t) {
    return switch (t.state()) {
      case COMPLETED -> ValueText.value(t.result(), 60);
      case FAILED -> ValueText.error(t.error(), 60);
      case CANCELLED -> t.cancelledBy() == null ? "cancelled itself" : "cancelled by " + t.cancelledBy();
      case PENDING -> "pending at exit";
    };
  }

  private void span(Lane lane, Span s, double cy) {
    double x1 = x(s.fromNs());
    double w = Math.max(1, x(s.toNs()) - x1);
    String when = " from " + PyNumbers.seconds(s.fromNs()) + " to " + PyNumbers.seconds(s.toNs()) + " s";
    if (s.kind() == Span.Kind.SHUTDOWN) {
      legend.add("shutdown");
      out.append("<line class=\"shutdown\" x1=\"").append(px(x1)).append("\" y1=\"").append(px(cy)).append("\" x2=\"").append(px(x1 + w))
          .append("\" y2=\"").append(px(cy)).append("\"><title>").append(escape(s.what() + when)).append("</title></line>\n");
      return;
    }
    String cls =
        switch (s.kind()) {
          case SLEEP -> "sleep";
          case AWAIT -> lane.isMain() ? "main-step" : "await";
          case CLEANUP -> "cleanup";
          case SHUTDOWN -> throw new IllegalStateException();
        };
    legend.add(cls);
    out.append("<rect class=\"").append(cls).append("\" x=\"").append(px(x1)).append("\" y=\"").append(px(cy - 6)).append("\" width=\"")
        .append(px(w)).append("\" height=\"12\" rx=\"2\"><title>").append(escape(lane.name() + ": " + s.what() + when)).append("</title></rect>\n");
    if (cls.equals("main-step") && w > s.what().length() * 6.7 + 14) {
      out.append("<text class=\"step-label\" x=\"").append(px(x1 + 6)).append("\" y=\"").append(px(cy + 3.5)).append("\">")
          .append(escape(s.what())).append("</text>\n");
    }
  }

  private void mark(Lane lane, Mark m, double cy) {
    double x = x(m.atNs());
    String at = " at " + PyNumbers.seconds(m.atNs()) + " s";
    String title = escape(lane.name() + switch (m.kind()) {
      case RUN -> " " + m.what() + at;
      case LOG -> " logs " + m.what() + at;
      case SPAWN -> " creates " + m.what() + at;
      case CANCEL -> ": cancel() by " + m.what() + at;
      case YIELD -> " receives " + m.what() + at;
      case STEP_RETURNED -> ": " + r.strategy().kind().key() + " returned " + m.what() + at;
      case STEP_RAISED -> ": " + r.strategy().kind().key() + " raised " + m.what() + at;
      case MAIN_RETURNED -> " " + m.what() + at;
      case MAIN_RAISED -> " raises CancelledError" + at + " (" + m.what() + ")";
      case COMPLETED -> " completed" + at + ": " + m.what();
      case FAILED -> " failed" + at + ": " + m.what();
      case CANCELLED -> " cancelled" + at + " (by " + m.what() + ")";
      case PENDING -> " still pending when the run ended";
    });
    String shape =
        switch (m.kind()) {
          case RUN -> rect("run", x - 1, cy - 7, 2, 14);
          case LOG -> "<circle class=\"log\" cx=\"" + px(x) + "\" cy=\"" + px(cy - 9) + "\" r=\"2.5\"";
          case SPAWN -> null;
          case CANCEL -> path("c-" + m.what(), "M" + px(x - 4) + "," + px(cy - 12) + " h8 l-4,6 z");
          case YIELD -> path("yield", "M" + px(x) + "," + px(cy - 6) + " l5,6 l-5,6 l-5,-6 z");
          case STEP_RETURNED -> path("completed", "M" + px(x) + "," + px(cy - 7) + " l6,11 h-12 z");
          case STEP_RAISED -> path("failed", "M" + px(x) + "," + px(cy - 7) + " l6,11 h-12 z");
          case MAIN_RETURNED -> rect("run", x - 4, cy - 4, 8, 8);
          case MAIN_RAISED -> rect("failed", x - 4, cy - 4, 8, 8);
          case COMPLETED, FAILED, CANCELLED, PENDING -> null;
        };
    String key =
        switch (m.kind()) {
          case RUN -> "run";
          case LOG -> "log";
          case CANCEL -> "cancel";
          case YIELD -> "yield";
          case STEP_RETURNED, STEP_RAISED -> "step-end";
          case MAIN_RETURNED, MAIN_RAISED -> "main-end";
          default -> m.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
    if (m.kind() == Mark.Kind.SPAWN || m.kind() == Mark.Kind.MAIN_RETURNED && m.atNs() == r.outcome().atNs()) {
      return; // a spawn is its arrow; main returning as its step ends is the step's mark
    }
    legend.add(key);
    if (shape != null) {
      (key.equals("step-end") ? ends : out).append(shape).append("><title>").append(title).append("</title></").append(shape.substring(1, shape.indexOf(' '))).append(">\n");
      return;
    }
    ends.append("<g class=\"").append(key).append("\"><title>").append(title).append("</title>").append(ending(m.kind(), x, cy)).append("</g>\n");
  }

  /** A task's end: a disc with a white check, cross or slash, or a chevron for pending. */
  static String ending(Mark.Kind kind, double x, double cy) {
    String c = "<circle cx=\"" + px(x) + "\" cy=\"" + px(cy) + "\" r=\"6.5\"/>";
    String white = "<path fill=\"none\" stroke=\"#fff\" stroke-width=\"1.8\" d=\"";
    return switch (kind) {
      case COMPLETED -> c + white + "M" + px(x - 3) + "," + px(cy) + " l2,2.5 l4,-5\"/>";
      case FAILED -> c + white + "M" + px(x - 2.7) + "," + px(cy - 2.7) + " l5.4,5.4 m0,-5.4 l-5.4,5.4\"/>";
      case CANCELLED -> c + white + "M" + px(x - 3.2) + "," + px(cy + 3.2) + " l6.4,-6.4\"/>";
      default -> "<path d=\"M" + px(x - 6) + "," + px(cy - 6) + " l6,6 l-6,6 h4 l6,-6 l-6,-6 z\"/>";
    };
  }

  static String rect(String cls, double x, double y, double w, double h) {
    return "<rect class=\"" + cls + "\" x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"" + px(w) + "\" height=\"" + px(h) + "\"";
  }

  static String path(String cls, String d) {
    return "<path class=\"" + cls + "\" d=\"" + d + "\"";
  }

  private void arrows(double top) {
    List<Lane> ls = lanes.lanes();
    out.append("<g class=\"arrows\">\n");
    for (Lanes.Arrow a : lanes.arrows()) {
      if (a.from() == a.to()) {
        continue; // a cancel a task asked of itself: its mark says so
      }
      double x = x(a.atNs());
      double y1 = laneY(a.from(), top);
      boolean spawn = a.kind() == Lanes.Arrow.Kind.SPAWN;
      double reach = spawn ? 8 : 13; // a cancel's head touches its mark above the bar
      double y2 = laneY(a.to(), top) + (a.to() > a.from() ? -reach : reach);
      String name = spawn ? "spawn" : a.cause();
      legend.add(spawn ? "arrow-spawn" : "arrow-" + a.cause());
      String who = ls.get(a.from()).name();
      String whom = ls.get(a.to()).name();
      String title = spawn
          ? who + " creates " + whom + " at " + PyNumbers.seconds(a.atNs()) + " s"
          : (a.cause().equals("shutdown") ? "asyncio.run" : who) + " cancels " + whom + " at " + PyNumbers.seconds(a.atNs()) + " s (" + a.cause() + ")";
      out.append("<line class=\"").append(spawn ? "spawn" : "c-" + a.cause()).append("\" x1=\"").append(px(x)).append("\" y1=\"").append(px(y1))
          .append("\" x2=\"").append(px(x)).append("\" y2=\"").append(px(y2)).append("\" stroke-width=\"").append(spawn ? "1" : "1.6")
          .append("\" marker-end=\"url(#head-").append(name).append(")\"><title>").append(escape(title)).append("</title></line>\n");
    }
    out.append("</g>\n");
  }

  /** How many tasks were alive over time, and how many ended in each stretch, by their end. */
  private void band(double y) {
    int bins = CHART / 2;
    long[] alive = new long[bins + 1];
    long[][] ends = new long[3][bins];
    for (TaskReport t : r.tasks()) {
      if (t.startedAtNs() == null) {
        continue;
      }
      int from = bin(t.startedAtNs(), bins);
      int to = t.finishedAtNs() == null ? bins : bin(t.finishedAtNs(), bins) + 1;
      alive[from]++;
      alive[Math.min(bins, to)]--;
      if (t.finishedAtNs() != null) {
        int kind = switch (t.state()) { case COMPLETED -> 0; case FAILED -> 1; default -> 2; };
        ends[kind][bin(t.finishedAtNs(), bins)]++;
      }
    }
    long max = 1;
    long maxEnds = 1;
    for (int b = 0, n = 0; b < bins; b++) {
      n += alive[b];
      alive[b] = n;
      max = Math.max(max, n);
      maxEnds = Math.max(maxEnds, ends[0][b] + ends[1][b] + ends[2][b]);
    }
    double h = 44;
    double base = y + 8 + h;
    StringBuilder d = new StringBuilder("M").append(px(chartX)).append(',').append(px(base));
    for (int b = 0; b < bins; b++) {
      double top = base - h * alive[b] / max;
      d.append(" L").append(px(chartX + b * 2.0)).append(',').append(px(top)).append(" L").append(px(chartX + b * 2.0 + 2)).append(',').append(px(top));
    }
    d.append(" L").append(px(chartX + CHART)).append(',').append(px(base)).append(" z");
    out.append("<g class=\"band\">\n<text x=\"").append(px(PAD)).append("\" y=\"").append(px(y + 34)).append("\">all tasks</text>\n")
        .append("<text class=\"detail\" x=\"").append(px(detailX)).append("\" y=\"").append(px(y + 26)).append("\">")
        .append(ValueText.count(r.tasks().size())).append(" tasks; alive: at most ").append(ValueText.count(max)).append("</text>\n")
        .append("<path class=\"alive\" d=\"").append(d).append("\"><title>tasks alive (started, not yet ended); at most ")
        .append(ValueText.count(max)).append("</title></path>\n");
    String[] cls = {"completed", "failed", "cancelled"};
    for (int b = 0; b < bins; b++) {
      double yy = base + 18;
      for (int k = 0; k < 3; k++) {
        if (ends[k][b] > 0) {
          double hh = Math.max(1, 14.0 * ends[k][b] / maxEnds);
          yy -= hh;
          out.append(rect(cls[k], chartX + b * 2.0, yy, 2, hh)).append("/>");
        }
      }
    }
    out.append("\n<text class=\"detail\" x=\"").append(px(detailX)).append("\" y=\"").append(px(base + 16)).append("\">ends per ~")
        .append(new java.math.BigDecimal(Math.max(1, total / bins)).movePointLeft(9).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString())
        .append(" s: at most ").append(ValueText.count(maxEnds)).append("</text>\n</g>\n");
  }

  private int bin(long ns, int bins) {
    return (int) Math.min(bins - 1, (long) ((double) Math.min(ns, total) / total * bins));
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
