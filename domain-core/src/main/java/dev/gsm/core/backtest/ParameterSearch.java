package dev.gsm.core.backtest;

import dev.gsm.core.metrics.ScoreSummary;
import dev.gsm.core.rating.RatingParameters;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reproducible choice of the rating parameters on data before the backtest cutoff only: matches
 * before {@code validationStart} train, matches in {@code [validationStart, validationEnd)} are
 * forecast-scored-applied, nothing at or after {@code validationEnd} (the real cutoff) is read.
 * Coordinate descent on validation log-loss: each parameter in turn moves by its step while that
 * improves, steps halve every round. Deterministic.
 */
public final class ParameterSearch {
  private ParameterSearch() {}

  /** One tunable parameter and its initial step. */
  public record Axis(String parameter, double step) {}

  /** The best parameters found and their validation scores. */
  public record Outcome(RatingParameters parameters, ScoreSummary validation, int evaluations) {}

  /** The axes searched by {@code gsm backtest --search}. */
  public static List<Axis> defaultAxes() {
    return List.of(
        new Axis("initialSigma", 0.1),
        new Axis("beta", 0.1),
        new Axis("tauPerDay", 0.005),
        new Axis("maxSigma", 0.1),
        new Axis("tauPerGame", 0.02));
  }

  public static Outcome search(
      List<BacktestMatch> sorted,
      List<String> playerIds,
      long validationStart,
      long validationEnd,
      RatingParameters start,
      List<Axis> axes,
      int rounds,
      Consumer<String> log) {
    double[] steps = new double[axes.size()];
    for (int a = 0; a < axes.size(); a++) {
      steps[a] = axes.get(a).step();
    }
    RatingParameters best = start;
    ScoreSummary bestScore = evaluate(sorted, playerIds, validationStart, validationEnd, best);
    int evaluations = 1;
    log.accept(describe("start", best, bestScore));
    for (int round = 0; round < rounds; round++) {
      for (int a = 0; a < axes.size(); a++) {
        String name = axes.get(a).parameter();
        boolean moved = false;
        for (int dir = 1; dir >= -1 && !moved; dir -= 2) {
          while (true) {
            double value = best.get(name) + dir * steps[a];
            RatingParameters candidate;
            try {
              candidate = best.with(name, value);
            } catch (IllegalArgumentException outOfRange) {
              break;
            }
            ScoreSummary score =
                evaluate(sorted, playerIds, validationStart, validationEnd, candidate);
            evaluations++;
            boolean better = score.logLoss() < bestScore.logLoss() - 1e-7;
            log.accept(describe(better ? "accept" : "reject", candidate, score));
            if (!better) {
              break;
            }
            best = candidate;
            bestScore = score;
            moved = true;
          }
        }
      }
      for (int a = 0; a < steps.length; a++) {
        steps[a] /= 2;
      }
      log.accept(describe("round " + (round + 1), best, bestScore));
    }
    return new Outcome(best, bestScore, evaluations);
  }

  /** Validation scores of one parameter set. */
  public static ScoreSummary evaluate(
      List<BacktestMatch> sorted,
      List<String> playerIds,
      long validationStart,
      long validationEnd,
      RatingParameters params) {
    RatingForecaster f = new RatingForecaster(params, playerIds);
    return BacktestProtocol.runWindow(sorted, validationStart, validationEnd, List.of(f), () -> {})
        .scores()
        .get(f.name());
  }

  private static String describe(String what, RatingParameters p, ScoreSummary s) {
    return String.format(
        Locale.ROOT,
        "%-8s logloss=%.5f accuracy=%.5f initialSigma=%.4f beta=%.4f tauPerDay=%.5f"
            + " tauPerGame=%.4f maxSigma=%.4f",
        what,
        s.logLoss(),
        s.accuracy(),
        p.initialSigma(),
        p.beta(),
        p.tauPerDay(),
        p.tauPerGame(),
        p.maxSigma());
  }
}
