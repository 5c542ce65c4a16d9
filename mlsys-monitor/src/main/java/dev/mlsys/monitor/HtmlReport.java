package dev.mlsys.monitor;

import java.util.List;
import java.util.Locale;

/** Renders a {@link DriftReport} as one self-contained HTML page with inline SVG bar charts. */
final class HtmlReport {
  private static final int CHART_WIDTH = 560;
  private static final int CHART_HEIGHT = 180;
  private static final String REFERENCE_COLOUR = "#4c78a8";
  private static final String CURRENT_COLOUR = "#f58518";

  private HtmlReport() {}

  static String render(DriftReport r) {
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>mlsys drift report</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#222;max-width:1100px}\n")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}\n")
        .append("th{background:#f3f3f3}.drift{color:#b30000;font-weight:bold}.ok{color:#1a7f37}\n")
        .append(".ERROR{color:#b30000}.WARNING{color:#9a6700}.INFO{color:#555}\n")
        .append("section{border-top:1px solid #ddd;margin-top:1.5em}.note{color:#555;font-size:90%}\n")
        .append("</style>\n</head>\n<body>\n");
    sb.append("<h1>Drift report</h1>\n<p class=\"").append(r.drift() ? "drift" : "ok").append("\">")
        .append(r.drift() ? "Drift detected" : "No drift detected").append(": ").append(r.driftedFeatures())
        .append(" of ").append(r.testedFeatures()).append(" tested fields drifted.</p>\n");
    sb.append("<p>Reference: ").append(r.referenceRecords()).append(" records. Current: ").append(r.currentRecords())
        .append(" records. Significance level ").append(num(r.alpha())).append(" after ")
        .append(escape(r.correction().name())).append(" correction; effect-size threshold ")
        .append(num(r.minEffectSize())).append(".</p>\n");
    sb.append("<h2>Fields</h2>\n<table>\n<tr><th>field</th><th>role</th><th>test</th><th>statistic</th>")
        .append("<th>p-value</th><th>corrected p</th><th>effect size</th><th>contribution</th><th>drifted</th></tr>\n");
    List<FeatureDrift> features = r.features();
    for (int i = 0; i < features.size(); i++) {
      FeatureDrift f = features.get(i);
      sb.append("<tr><td><a href=\"#").append(anchor(i)).append("\">").append(escape(f.field()))
          .append("</a></td><td>").append(f.role().name().toLowerCase(Locale.ROOT)).append("</td><td>")
          .append(escape(f.test())).append("</td><td>").append(num(f.statistic())).append("</td><td>")
          .append(num(f.pValue())).append("</td><td>").append(num(f.adjustedPValue())).append("</td><td>")
          .append(num(f.effectSize())).append(f.tested() ? " (" + escape(f.effectSizeMetric()) + ")" : "")
          .append("</td><td>").append(f.tested() ? String.format(Locale.ROOT, "%.1f%%", 100 * f.contribution()) : "")
          .append("</td><td class=\"").append(f.drifted() ? "drift" : "ok").append("\">")
          .append(f.tested() ? (f.drifted() ? "yes" : "no") : "not tested").append("</td></tr>\n");
    }
    sb.append("</table>\n");
    sb.append("<h2>Data quality</h2>\n");
    if (r.findings().isEmpty()) {
      sb.append("<p class=\"ok\">No findings.</p>\n");
    } else {
      sb.append("<table>\n<tr><th>severity</th><th>field</th><th>kind</th><th>count</th><th>rate</th><th>finding</th></tr>\n");
      for (DataQualityFinding q : r.findings()) {
        sb.append("<tr><td class=\"").append(q.severity().name()).append("\">").append(q.severity().name())
            .append("</td><td>").append(escape(q.field())).append("</td><td>").append(q.kind().name())
            .append("</td><td>").append(q.count()).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.2f%%", 100 * q.rate())).append("</td><td>")
            .append(escape(q.message())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    for (int i = 0; i < features.size(); i++) {
      FeatureDrift f = features.get(i);
      sb.append("<section id=\"").append(anchor(i)).append("\">\n<h3>").append(escape(f.field()))
          .append(" <span class=\"").append(f.drifted() ? "drift" : "ok").append("\">")
          .append(f.tested() ? (f.drifted() ? "drifted" : "stable") : "not tested").append("</span></h3>\n");
      sb.append("<p>").append(escape(f.type())).append(", ").append(f.role().name().toLowerCase(Locale.ROOT))
          .append("; ").append(f.referenceCount()).append(" reference and ").append(f.currentCount())
          .append(" current values.");
      if (f.tested()) {
        sb.append(" Test ").append(escape(f.test())).append(": statistic ").append(num(f.statistic()));
        if (!Double.isNaN(f.pValue())) {
          sb.append(", p = ").append(num(f.pValue())).append(", corrected p = ").append(num(f.adjustedPValue()));
        } else {
          sb.append(", threshold ").append(num(f.threshold()));
        }
        sb.append("; effect size ").append(num(f.effectSize())).append(" (").append(escape(f.effectSizeMetric()))
            .append(").");
      }
      sb.append("</p>\n");
      if (!f.note().isEmpty()) {
        sb.append("<p class=\"note\">").append(escape(f.note())).append("</p>\n");
      }
      if (f.distribution() != null) {
        chart(sb, f.distribution());
      }
      sb.append("</section>\n");
    }
    sb.append("<p class=\"note\">Generated by mlsys (").append(DriftReport.FORMAT).append(" version ")
        .append(DriftReport.FORMAT_VERSION).append(").</p>\n</body>\n</html>\n");
    return sb.toString();
  }

  /** Grouped bars: reference and current proportion per bin or category. */
  private static void chart(StringBuilder sb, Distribution d) {
    List<String> labels = d.labels();
    int n = labels.size();
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(d.reference().get(i), d.current().get(i)));
    }
    if (max == 0) {
      max = 1;
    }
    int left = 40;
    int bottom = 40;
    int plotW = CHART_WIDTH - left - 10;
    int plotH = CHART_HEIGHT - bottom - 10;
    double slot = (double) plotW / n;
    double bar = Math.max(1, slot * 0.4);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH).append("\" height=\"")
        .append(CHART_HEIGHT + 20).append("\" role=\"img\" aria-label=\"reference versus current distribution\">\n");
    sb.append("<line x1=\"").append(left).append("\" y1=\"").append(10 + plotH).append("\" x2=\"")
        .append(left + plotW).append("\" y2=\"").append(10 + plotH).append("\" stroke=\"#999\"/>\n");
    sb.append("<text x=\"2\" y=\"18\" font-size=\"10\">").append(String.format(Locale.ROOT, "%.0f%%", 100 * max))
        .append("</text>\n");
    for (int i = 0; i < n; i++) {
      double x = left + i * slot + slot * 0.1;
      double hr = plotH * d.reference().get(i) / max;
      double hc = plotH * d.current().get(i) / max;
      rect(sb, x, 10 + plotH - hr, bar, hr, REFERENCE_COLOUR, labels.get(i), "reference", d.reference().get(i));
      rect(sb, x + bar, 10 + plotH - hc, bar, hc, CURRENT_COLOUR, labels.get(i), "current", d.current().get(i));
      if (n <= 20) {
        double tx = left + i * slot + slot / 2;
        sb.append(String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" font-size=\"8\" text-anchor=\"end\" transform=\"rotate(-35 %.1f %d)\">",
            tx, 22 + plotH, tx, 22 + plotH)).append(escape(shorten(labels.get(i)))).append("</text>\n");
      }
    }
    int ly = CHART_HEIGHT + 12;
    sb.append("<rect x=\"").append(left).append("\" y=\"").append(ly - 8).append("\" width=\"10\" height=\"10\" fill=\"")
        .append(REFERENCE_COLOUR).append("\"/><text x=\"").append(left + 14).append("\" y=\"").append(ly)
        .append("\" font-size=\"11\">reference</text>\n");
    sb.append("<rect x=\"").append(left + 90).append("\" y=\"").append(ly - 8)
        .append("\" width=\"10\" height=\"10\" fill=\"").append(CURRENT_COLOUR).append("\"/><text x=\"")
        .append(left + 104).append("\" y=\"").append(ly).append("\" font-size=\"11\">current</text>\n");
    sb.append("</svg>\n");
  }

  private static void rect(StringBuilder sb, double x, double y, double w, double h, String colour, String label,
      String side, double share) {
    sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
        x, y, w, h, colour)).append("<title>").append(escape(label)).append(": ").append(side)
        .append(String.format(Locale.ROOT, " %.1f%%", 100 * share)).append("</title></rect>\n");
  }

  private static String shorten(String s) {
    return s.length() > 18 ? s.substring(0, 17) + "\u2026" : s;
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** Anchors by rank: field names may hold any character, ranks are unique. */
  private static String anchor(int rank) {
    return "field-" + rank;
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
