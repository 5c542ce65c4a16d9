package dev.mlsys.cli.report;

import java.util.List;

/**
 * Builds a self-contained HTML page: inline CSS, inline SVG, no script and no external resource,
 * so the report opens anywhere, offline. Not thread-safe; build on one thread.
 */
public final class Html {
  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}",
      "header{background:#0b3954;color:#fff;padding:20px 32px}header h1{margin:0;font-size:24px}",
      "header p{margin:4px 0 0;opacity:.85}main{max-width:1180px;margin:0 auto;padding:8px 32px 40px}",
      "section{background:#fff;border:1px solid #e2e2e2;border-radius:8px;margin:18px 0;padding:14px 20px}",
      "h2{font-size:18px;margin:4px 0 10px}p.note{color:#555;font-size:13px;margin:4px 0 10px}",
      "table{border-collapse:collapse;font-size:13px;margin:6px 0 12px}",
      "th,td{padding:4px 10px;border-bottom:1px solid #eee;text-align:left}td.n{text-align:right;"
          + "font-variant-numeric:tabular-nums}",
      "th{background:#f2f4f7}.charts{display:flex;flex-wrap:wrap;gap:12px}svg.chart{background:#fff;"
          + "border:1px solid #eee;border-radius:6px;font-family:inherit}",
      ".ok{color:#1b7f3b;font-weight:600}.bad{color:#b3261e;font-weight:600}",
      "details summary{cursor:pointer;color:#0b3954;margin:6px 0}",
      ".kpis{display:flex;gap:14px;flex-wrap:wrap}.kpi{border:1px solid #e2e2e2;border-radius:6px;padding:8px 14px;"
          + "min-width:130px}.kpi b{display:block;font-size:20px}.kpi span{font-size:12px;color:#555}");
  private final StringBuilder body = new StringBuilder();
  private final StringBuilder lead = new StringBuilder();
  private final String title;
  private final String subtitle;

  /**
   * @param title the page title
   * @param subtitle a line under the title
   */
  public Html(String title, String subtitle) {
    this.title = title;
    this.subtitle = subtitle;
  }

  /**
   * Opens a section.
   *
   * @param id the anchor id
   * @param heading the section heading
   * @param note a sentence under the heading, or empty
   * @return this page
   */
  public Html section(String id, String heading, String note) {
    body.append("<section id=\"").append(escape(id)).append("\"><h2>").append(escape(heading)).append("</h2>");
    if (!note.isEmpty()) {
      body.append("<p class=\"note\">").append(escape(note)).append("</p>");
    }
    return this;
  }

  /** @return this page, with the open section closed */
  public Html end() {
    body.append("</section>");
    return this;
  }

  /**
   * @param header column titles
   * @param rows rows of cells; numbers are right-aligned
   * @return this page
   */
  public Html table(List<String> header, List<List<Object>> rows) {
    body.append("<table><thead><tr>");
    header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
    body.append("</tr></thead><tbody>");
    for (List<Object> row : rows) {
      body.append("<tr>");
      for (Object cell : row) {
        boolean numeric = cell instanceof Number || String.valueOf(cell).matches("[-+]?[0-9.,]+\\s*(%|x|ns|us|ms)?");
        body.append(numeric ? "<td class=\"n\">" : "<td>").append(escape(String.valueOf(cell))).append("</td>");
      }
      body.append("</tr>");
    }
    body.append("</tbody></table>");
    return this;
  }

  /**
   * @param charts SVG elements made by {@link Svg}
   * @return this page
   */
  public Html charts(List<String> charts) {
    body.append("<div class=\"charts\">");
    charts.forEach(body::append);
    body.append("</div>");
    return this;
  }

  /**
   * @param label what the figure is
   * @param value the figure
   * @return this page, with a headline figure added to a row of them
   */
  public Html kpi(String label, String value) {
    body.append("<div class=\"kpi\"><b>").append(escape(value)).append("</b><span>").append(escape(label))
        .append("</span></div>");
    return this;
  }

  /** @return this page, with a row of headline figures opened; close it with {@link #endKpis()} */
  public Html kpis() {
    body.append("<div class=\"kpis\">");
    return this;
  }

  /** @return this page, with the row of headline figures closed */
  public Html endKpis() {
    body.append("</div>");
    return this;
  }

  /**
   * @param text a paragraph of plain text
   * @param cssClass a class for the paragraph, or empty
   * @return this page
   */
  public Html paragraph(String text, String cssClass) {
    body.append(cssClass.isEmpty() ? "<p>" : "<p class=\"" + cssClass + "\">").append(escape(text)).append("</p>");
    return this;
  }

  /**
   * Adds a headline figure to the summary shown above every section.
   *
   * @param label what the figure is
   * @param value the figure
   * @return this page
   */
  public Html lead(String label, String value) {
    lead.append("<div class=\"kpi\"><b>").append(escape(value)).append("</b><span>").append(escape(label))
        .append("</span></div>");
    return this;
  }

  /**
   * Opens a folded block (HTML details, no script needed).
   *
   * @param summary the line shown while folded
   * @return this page
   */
  public Html fold(String summary) {
    body.append("<details><summary>").append(escape(summary)).append("</summary>");
    return this;
  }

  /** @return this page, with the folded block closed */
  public Html endFold() {
    body.append("</details>");
    return this;
  }

  /** @return the whole page */
  public String render() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
        + "</title><style>" + CSS + "</style></head><body><header><h1>" + escape(title) + "</h1><p>"
        + escape(subtitle) + "</p></header><main>"
        + (lead.length() == 0 ? "" : "<section id=\"summary\"><h2>Summary</h2><div class=\"kpis\">" + lead
            + "</div></section>")
        + body + "</main></body></html>\n";
  }

  /**
   * @param s text
   * @return the text with HTML's special characters escaped
   */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '&': sb.append("&amp;"); break;
        case '"': sb.append("&quot;"); break;
        case '\'': sb.append("&#39;"); break;
        default: sb.append(c);
      }
    }
    return sb.toString();
  }
}
