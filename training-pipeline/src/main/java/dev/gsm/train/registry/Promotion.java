package dev.gsm.train.registry;

import dev.gsm.core.prediction.PortableModel;
import dev.gsm.train.model.LogisticTrainer;
import dev.gsm.train.model.TrainingRun;
import dev.gsm.train.report.Scores;
import java.util.List;

/**
 * The promotion rule: a candidate becomes current only if, on the same hold-out (the candidate's
 * test period), its log-loss is at most the current version's for both the win and the engagement
 * model. Both are scored with the pure-Java evaluator, i.e. exactly as they would be served.
 *
 * <p>Log-losses within {@link #TOLERANCE} count as equal: refitting the same data with the same
 * code gives models that differ in the last bits (Spark's sums run in partition order), and the
 * rule must not turn such a twin away (measured: 1e-13 apart on a 50k-match season).
 */
public final class Promotion {

  public record Decision(
      boolean promote, String reason, List<Scores> candidate, List<Scores> current) {}

  /** Log-loss differences up to this are numerical noise, not a worse model. */
  public static final double TOLERANCE = 1e-9;

  private Promotion() {}

  public static Decision decide(
      PortableModel candWin,
      PortableModel candEng,
      PortableModel curWin,
      PortableModel curEng,
      List<LogisticTrainer.Example> winTest,
      List<LogisticTrainer.Example> engTest) {
    List<Scores> cand =
        List.of(
            TrainingRun.score("win", candWin, winTest),
            TrainingRun.score("engagement", candEng, engTest));
    if (curWin == null) {
      return new Decision(true, "no current version", cand, List.of());
    }
    List<Scores> cur =
        List.of(
            TrainingRun.score("win", curWin, winTest),
            TrainingRun.score("engagement", curEng, engTest));
    for (int i = 0; i < 2; i++) {
      if (cand.get(i).logLoss() > cur.get(i).logLoss() + TOLERANCE) {
        return new Decision(
            false,
            String.format(
                java.util.Locale.ROOT,
                "%s log-loss %.6f is worse than the current version's %.6f on the same hold-out",
                cand.get(i).predictor(),
                cand.get(i).logLoss(),
                cur.get(i).logLoss()),
            cand,
            cur);
      }
    }
    return new Decision(true, "at least as good as the current version on both models", cand, cur);
  }
}
