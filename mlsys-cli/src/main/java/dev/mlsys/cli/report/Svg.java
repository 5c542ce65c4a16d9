package dev.mlsys.cli.report;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the self-contained HTML report: no script, no external resource. Each
 * chart is an {@code <svg class="chart">} with a title, fixed width and height, and axes labelled
 * in plain text. Stateless and thread-safe.
 */
public final class Svg {
  /** Series colours, colour-blind safe (Okabe-Ito). */
  static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"};
  private static final int W = 560;
  private static final int H = 300;
  private static final int LEFT = 60;
  private static final int RIGHT = 16;
  private static final int TOP = 34;
  private static final int BOTTOM = 46;

  private Svg() {}

  /**
   * A named series of points for {@link #lines}.
   *
   * @param name the legend text
   * @param x x values
   * @param y y values, same length; NaN points are skipped
   */
  public record Series(String name, double[] x, double[] y) {}

  /**
   * Horizontal bars with optional interval whiskers, one per label.
   *
   * @param title the chart title
   * @param labels one label per bar
   * @param values bar lengths
   * @param lo lower interval ends, or {@code null}
   * @param hi upper interval ends, or {@code null}
   * @param min axis start
   * @param max axis end
   * @return the SVG element
   */
  public static String bars(String title, List<String> labels, double[] values, double[] lo, double[] hi,
      double min, double max) {
    int rowH = 26;
    int longest = labels.stream().mapToInt(String::length).max().orElse(0);
    int left = Math.min(W / 2, 16 + (int) Math.ceil(longest * 6.6));
    int height = TOP + BOTTOM + rowH * labels.size();
    StringBuilder sb = open(title, height);
    double span = max - min == 0 ? 1 : max - min;
    int plotW = W - left - RIGHT;
    for (int i = 0; i < labels.size(); i++) {
      double y = TOP + i * rowH;
      double x1 = left + plotW * clamp((values[i] - min) / span);
      sb.append(text(left - 8, y + rowH / 2.0 + 4, labels.get(i), "end", 12));
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
          left, y + 4, Math.max(1, x1 - left), rowH - 8, COLOURS[0]));
      if (lo != null && hi != null) {
        double a = left + plotW * clamp((lo[i] - min) / span);
        double b = left + plotW * clamp((hi[i] - min) / span);
        double cy = y + rowH / 2.0;
        sb.append(line(a, cy, b, cy, "#222", 1.5)).append(line(a, cy - 5, a, cy + 5, "#222", 1.5))
            .append(line(b, cy - 5, b, cy + 5, "#222", 1.5));
      }
      String value = fmt(values[i]);
      if (x1 - left > 40) {
        sb.append(text(left + 4, y + rowH / 2.0 + 4, value, "start", 11).replace("<text ", "<text fill=\"#fff\" "));
      } else {
        sb.append(text(x1 + 4, y + rowH / 2.0 + 4, value, "start", 11));
      }
    }
    axisX(sb, left, plotW, height - BOTTOM, min, max, "");
    return sb.append("</svg>").toString();
  }

  /**
   * Lines through points, optionally with the y = x diagonal (reliability diagrams).
   *
   * @param title the chart title
   * @param xLabel the x axis label
   * @param yLabel the y axis label
   * @param series the series to draw
   * @param diagonal draw y = x
   * @param min axis start (both axes)
   * @param max axis end (both axes)
   * @return the SVG element
   */
  public static String lines(String title, String xLabel, String yLabel, List<Series> series, boolean diagonal,
      double min, double max) {
    StringBuilder sb = open(title, H);
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    double span = max - min;
    if (diagonal) {
      sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + plotH).append("\" x2=\"")
          .append(LEFT + plotW).append("\" y2=\"").append(TOP)
          .append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>");
    }
    for (int s = 0; s < series.size(); s++) {
      Series se = series.get(s);
      String colour = COLOURS[s % COLOURS.length];
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < se.x().length; i++) {
        if (Double.isNaN(se.y()[i])) {
          continue;
        }
        double px = LEFT + plotW * clamp((se.x()[i] - min) / span);
        double py = TOP + plotH * (1 - clamp((se.y()[i] - min) / span));
        path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", px, py, colour));
      }
      sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
          .append("\" stroke-width=\"2\"/>");
      sb.append(legend(s, se.name()));
    }
    axisX(sb, LEFT, plotW, TOP + plotH, min, max, xLabel);
    axisY(sb, plotH, min, max, yLabel);
    return sb.append("</svg>").toString();
  }

  /**
   * Histogram bars, one or two series side by side (reference and current).
   *
   * @param title the chart title
   * @param edges bin edges, one more than bins
   * @param series one or two arrays of bin heights
   * @param names legend names, one per series
   * @param yLabel the y axis label
   * @return the SVG element
   */
  public static String histogram(String title, double[] edges, List<double[]> series, List<String> names,
      String yLabel) {
    StringBuilder sb = open(title, H);
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    int bins = edges.length - 1;
    double top = 0;
    for (double[] s : series) {
      for (double v : s) {
        top = Math.max(top, v);
      }
    }
    top = top == 0 ? 1 : top * 1.1;
    double binW = plotW / (double) bins;
    double barW = (binW - 2) / series.size();
    for (int s = 0; s < series.size(); s++) {
      double[] h = series.get(s);
      for (int b = 0; b < bins; b++) {
        double bh = plotH * h[b] / top;
        sb.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.85\"/>",
            LEFT + b * binW + 1 + s * barW, TOP + plotH - bh, Math.max(0.5, barW), bh, COLOURS[s % COLOURS.length]));
      }
      if (series.size() > 1) {
        sb.append(legend(s, names.get(s)));
      }
    }
    int ticks = Math.min(bins, 6);
    for (int t = 0; t <= ticks; t++) {
      int b = Math.round(t * bins / (float) ticks);
      double x = LEFT + b * binW;
      sb.append(line(x, TOP + plotH, x, TOP + plotH + 4, "#444", 1)).append(text(x, TOP + plotH + 16, fmt(edges[b]),
          "middle", 10));
    }
    sb.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#444", 1));
    axisY(sb, plotH, 0, top, yLabel);
    return sb.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int height) {
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(W)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(W).append(' ').append(height)
        .append("\"><title>").append(Html.escape(title)).append("</title>");
    sb.append(text(W / 2.0, 20, title, "middle", 14).replace("<text ", "<text font-weight=\"600\" "));
    return sb;
  }

  private static void axisX(StringBuilder sb, int left, int plotW, double y, double min, double max, String label) {
    sb.append(line(left, y, left + plotW, y, "#444", 1));
    for (int t = 0; t <= 5; t++) {
      double x = left + plotW * t / 5.0;
      sb.append(line(x, y, x, y + 4, "#444", 1)).append(text(x, y + 16, fmt(min + (max - min) * t / 5), "middle", 10));
    }
    if (!label.isEmpty()) {
      sb.append(text(left + plotW / 2.0, y + 34, label, "middle", 12));
    }
  }

  private static void axisY(StringBuilder sb, int plotH, double min, double max, String label) {
    sb.append(line(LEFT, TOP, LEFT, TOP + plotH, "#444", 1));
    for (int t = 0; t <= 5; t++) {
      double y = TOP + plotH * (1 - t / 5.0);
      sb.append(line(LEFT - 4, y, LEFT, y, "#444", 1)).append(text(LEFT - 6, y + 3, fmt(min + (max - min) * t / 5),
          "end", 10));
    }
    sb.append(String.format(Locale.ROOT,
        "<text x=\"14\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>",
        TOP + plotH / 2.0, TOP + plotH / 2.0, Html.escape(label)));
  }

  private static String legend(int index, String name) {
    double x = LEFT + 10;
    double y = TOP + 6 + index * 16;
    return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, y,
        COLOURS[index % COLOURS.length]) + text(x + 14, y + 9, name, "start", 11);
  }

  private static String line(double x1, double y1, double x2, double y2, String colour, double width) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
        x1, y1, x2, y2, colour, width);
  }

  private static String text(double x, double y, String s, String anchor, int size) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>",
        x, y, size, anchor, Html.escape(s));
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    double a = Math.abs(v);
    String text;
    if (a != 0 && (a >= 1e6 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.1e", v);
    } else if (a >= 100) {
      text = String.format(Locale.ROOT, "%.0f", v);
    } else if (a >= 10) {
      text = String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 1) {
      text = String.format(Locale.ROOT, "%.2f", v);
    } else {
      text = String.format(Locale.ROOT, "%.3f", v);
    }
    if (text.contains(".")) {
      text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return text.equals("-0") ? "0" : text;
  }
}
