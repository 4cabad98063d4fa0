package dev.gsm.train.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gsm.core.metrics.CalibrationBin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation report of a run: {@code report.json} (every figure) and {@code report.html} (the
 * same tables with a calibration plot and a ROC plot per task as inline SVG, no scripts, no
 * external resources).
 */
public final class EvaluationReport {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String[] COLORS = {"#d62728", "#1f77b4", "#7f7f7f", "#2ca02c"};

  private final String title;
  private final Map<String, Object> context;
  private final Map<String, List<Scores>> tasks = new LinkedHashMap<>();

  public EvaluationReport(String title, Map<String, Object> context) {
    this.title = title;
    this.context = context;
  }

  public EvaluationReport task(String name, List<Scores> scores) {
    tasks.put(name, scores);
    return this;
  }

  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", title);
    root.set("context", JSON.valueToTree(context));
    ObjectNode ts = root.putObject("tasks");
    tasks.forEach(
        (name, list) -> {
          ObjectNode t = ts.putObject(name);
          for (Scores s : list) {
            ObjectNode o = t.putObject(s.predictor());
            o.put("n", s.n());
            o.put("log_loss", s.logLoss());
            o.put("auc", s.auc());
            o.put("brier", s.brier());
            o.put("ece", s.ece());
            o.put("accuracy", s.accuracy());
            ArrayNode bins = o.putArray("calibration");
            for (CalibrationBin b : s.calibration()) {
              ObjectNode bn = bins.addObject();
              bn.put("lower", b.lower());
              bn.put("upper", b.upper());
              bn.put("count", b.count());
              bn.put("mean_predicted", b.meanPredicted());
              bn.put("observed", b.observed());
            }
          }
        });
    return root;
  }

  /** Writes report.json and report.html into {@code dir}; returns the HTML path. */
  public Path write(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("report.json"), JSON.writeValueAsString(json()) + "\n");
      Path html = dir.resolve("report.html");
      Files.writeString(html, html(), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report to " + dir, e);
    }
  }

  public String html() {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:1100px}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;")
        .append("text-align:right}th{background:#f4f4f4}.plots{display:flex;gap:2em}</style>")
        .append("</head><body><h1>")
        .append(esc(title))
        .append("</h1><table>");
    context.forEach(
        (k, v) ->
            h.append("<tr><th>")
                .append(esc(k))
                .append("</th><td style=\"text-align:left\">")
                .append(esc(String.valueOf(v)))
                .append("</td></tr>"));
    h.append("</table>");
    tasks.forEach(
        (name, list) -> {
          h.append("<h2>")
              .append(esc(name))
              .append("</h2><table><tr><th>predictor</th><th>n</th>")
              .append(
                  "<th>log-loss</th><th>AUC</th><th>Brier</th><th>ECE</th><th>accuracy</th></tr>");
          for (Scores s : list) {
            h.append(
                String.format(
                    Locale.ROOT,
                    "<tr><td style=\"text-align:left\">%s</td><td>%d</td><td>%.5f</td><td>%.5f</td>"
                        + "<td>%.5f</td><td>%.5f</td><td>%.5f</td></tr>",
                    esc(s.predictor()),
                    s.n(),
                    s.logLoss(),
                    s.auc(),
                    s.brier(),
                    s.ece(),
                    s.accuracy()));
          }
          h.append("</table><div class=\"plots\">")
              .append(calibrationSvg(name, list))
              .append(rocSvg(name, list))
              .append("</div>");
        });
    h.append(
            "<p>Calibration: 10 equal-width bins over p and 1 - p of every forecast (ForecastScores);")
        .append(" the diagonal is perfect calibration. ROC: true against false positive rate.</p>")
        .append("</body></html>\n");
    return h.toString();
  }

  private static final int SIZE = 360;
  private static final int PAD = 40;

  private static double sx(double v) {
    return PAD + v * (SIZE - 2 * PAD);
  }

  private static double sy(double v) {
    return SIZE - PAD - v * (SIZE - 2 * PAD);
  }

  private static StringBuilder frame(String caption, String xLabel, String yLabel) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\"><title>%s</title>",
            SIZE,
            SIZE + 30,
            esc(caption)));
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>",
            sx(0),
            sy(1),
            sx(1) - sx(0),
            sy(0) - sy(1)));
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>",
            sx(0),
            sy(0),
            sx(1),
            sy(1)));
    for (int i = 0; i <= 4; i++) {
      double v = i / 4.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%.2f</text>",
              sx(v),
              sy(0) + 14,
              v));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.2f</text>",
              sx(0) - 4,
              sy(v) + 3,
              v));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
            sx(0.5),
            sy(0) + 30,
            esc(xLabel)));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"12\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 12 %.1f)\">%s</text>",
            sy(0.5),
            sy(0.5),
            esc(yLabel)));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"16\" font-size=\"12\" text-anchor=\"middle\">%s</text>",
            sx(0.5),
            esc(caption)));
    return s;
  }

  private static void legend(StringBuilder s, List<Scores> list) {
    for (int i = 0; i < list.size(); i++) {
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%s\">%s</text>",
              sx(0.55),
              sy(0.25) + 14 * i,
              COLORS[i % COLORS.length],
              esc(list.get(i).predictor())));
    }
  }

  static String calibrationSvg(String task, List<Scores> list) {
    StringBuilder s =
        frame(task + ": calibration", "mean predicted probability", "observed frequency");
    for (int i = 0; i < list.size(); i++) {
      StringBuilder pts = new StringBuilder();
      for (CalibrationBin b : list.get(i).calibration()) {
        if (b.count() > 0) {
          pts.append(
              String.format(Locale.ROOT, "%.1f,%.1f ", sx(b.meanPredicted()), sy(b.observed())));
          s.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                  sx(b.meanPredicted()),
                  sy(b.observed()),
                  COLORS[i % COLORS.length]));
        }
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>",
              pts.toString().trim(),
              COLORS[i % COLORS.length]));
    }
    legend(s, list);
    return s.append("</svg>").toString();
  }

  static String rocSvg(String task, List<Scores> list) {
    StringBuilder s = frame(task + ": ROC", "false positive rate", "true positive rate");
    for (int i = 0; i < list.size(); i++) {
      StringBuilder pts = new StringBuilder();
      for (double[] pt : list.get(i).roc()) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx(pt[0]), sy(pt[1])));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>",
              pts.toString().trim(),
              COLORS[i % COLORS.length]));
    }
    legend(s, list);
    return s.append("</svg>").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
