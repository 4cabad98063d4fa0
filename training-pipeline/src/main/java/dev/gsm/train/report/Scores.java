package dev.gsm.train.report;

import dev.gsm.core.metrics.CalibrationBin;
import dev.gsm.core.metrics.ForecastScores;
import dev.gsm.core.metrics.RocCurve;
import dev.gsm.core.metrics.ScoreSummary;
import java.util.List;

/** The scores of one predictor on one test set: domain-core's ForecastScores plus the ROC curve. */
public record Scores(
    String predictor,
    long n,
    double logLoss,
    double auc,
    double brier,
    double ece,
    double accuracy,
    List<CalibrationBin> calibration,
    List<double[]> roc) {

  public static final int BINS = 10;

  public static Scores of(String predictor, double[] p, boolean[] y) {
    ForecastScores fs = new ForecastScores(BINS);
    for (int i = 0; i < p.length; i++) {
      fs.addBinary(p[i], y[i]);
    }
    ScoreSummary s = fs.summary();
    RocCurve roc = RocCurve.of(p, y);
    return new Scores(
        predictor,
        s.n(),
        s.logLoss(),
        roc.auc(),
        s.brier(),
        s.ece(),
        s.accuracy(),
        s.calibration(),
        roc.points());
  }
}
