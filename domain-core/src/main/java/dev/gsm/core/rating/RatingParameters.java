package dev.gsm.core.rating;

/**
 * Every tunable number of the rating engine, validated at construction. Skills live on an internal
 * scale where a performance has noise {@link #beta}; only {@link #displayScore} maps them to the
 * friendly scale shown to players.
 *
 * @param initialMu prior mean of a newcomer's skill
 * @param initialSigma prior standard deviation of a newcomer's skill
 * @param beta standard deviation of one player's performance around their skill in one match
 * @param tauPerDay skill drift per square-root day away: variance grows by {@code tauPerDay^2} per
 *     day between two matches of the same player
 * @param tauPerGame skill drift per game played (TrueSkill's dynamics factor), added once before
 *     every match of a returning player
 * @param maxSigma the time-away growth never raises sigma above this cap
 * @param drawMargin half-width of the performance band that counts as a draw (0 = draws only when
 *     performances are exactly equal: a draw is then an exact observation)
 * @param minVarianceFactor floor of the multiplicative variance shrink of one match (Weng and Lin's
 *     kappa), keeps variances positive in large free-for-alls
 * @param conservativeK the display score ranks {@code mu - conservativeK * sigma}
 * @param displayScale friendly points per internal skill unit
 * @param displayOffset friendly points of a conservative skill of zero
 * @param seasonMeanPull share of the distance to {@code initialMu} removed by a season soft reset
 *     (0 keeps mu, 1 resets it)
 * @param seasonSigmaBoost standard deviation added in quadrature to sigma by a season soft reset
 *     (the result is capped at {@code initialSigma})
 * @param smoothingWindowDays batch re-smoothing revisits the matches of this many days before the
 *     newest one; 0 disables re-smoothing (pure online filter)
 * @param smoothingIterations forward-backward sweeps of one batch re-smoothing
 */
public record RatingParameters(
    double initialMu,
    double initialSigma,
    double beta,
    double tauPerDay,
    double tauPerGame,
    double maxSigma,
    double drawMargin,
    double minVarianceFactor,
    double conservativeK,
    double displayScale,
    double displayOffset,
    double seasonMeanPull,
    double seasonSigmaBoost,
    int smoothingWindowDays,
    int smoothingIterations) {

  public RatingParameters {
    finite("initialMu", initialMu);
    positive("initialSigma", initialSigma);
    positive("beta", beta);
    nonNegative("tauPerDay", tauPerDay);
    nonNegative("tauPerGame", tauPerGame);
    positive("maxSigma", maxSigma);
    nonNegative("drawMargin", drawMargin);
    if (!(minVarianceFactor > 0 && minVarianceFactor < 1)) {
      throw new IllegalArgumentException(
          "minVarianceFactor must be in (0, 1), was " + minVarianceFactor);
    }
    nonNegative("conservativeK", conservativeK);
    positive("displayScale", displayScale);
    finite("displayOffset", displayOffset);
    if (!(seasonMeanPull >= 0 && seasonMeanPull <= 1)) {
      throw new IllegalArgumentException("seasonMeanPull must be in [0, 1], was " + seasonMeanPull);
    }
    nonNegative("seasonSigmaBoost", seasonSigmaBoost);
    if (smoothingWindowDays < 0) {
      throw new IllegalArgumentException(
          "smoothingWindowDays must be >= 0, was " + smoothingWindowDays);
    }
    if (smoothingIterations < 1) {
      throw new IllegalArgumentException(
          "smoothingIterations must be >= 1, was " + smoothingIterations);
    }
  }

  /**
   * The defaults, chosen on the ATP history before the backtest cutoff only (see RATING.md for the
   * search and the figures).
   */
  public static RatingParameters defaults() {
    return new RatingParameters(
        0.0, 0.5625, 0.825, 0.025, 0.0, 0.7625, 0.0, 1e-4, 2.0, 200.0, 1500.0, 0.2, 0.1, 2000, 1);
  }

  public RatingParameters withInitialSigma(double v) {
    return new RatingParameters(
        initialMu,
        v,
        beta,
        tauPerDay,
        tauPerGame,
        maxSigma,
        drawMargin,
        minVarianceFactor,
        conservativeK,
        displayScale,
        displayOffset,
        seasonMeanPull,
        seasonSigmaBoost,
        smoothingWindowDays,
        smoothingIterations);
  }

  public RatingParameters withBeta(double v) {
    return new RatingParameters(
        initialMu,
        initialSigma,
        v,
        tauPerDay,
        tauPerGame,
        maxSigma,
        drawMargin,
        minVarianceFactor,
        conservativeK,
        displayScale,
        displayOffset,
        seasonMeanPull,
        seasonSigmaBoost,
        smoothingWindowDays,
        smoothingIterations);
  }

  public RatingParameters withTauPerDay(double v) {
    return new RatingParameters(
        initialMu,
        initialSigma,
        beta,
        v,
        tauPerGame,
        maxSigma,
        drawMargin,
        minVarianceFactor,
        conservativeK,
        displayScale,
        displayOffset,
        seasonMeanPull,
        seasonSigmaBoost,
        smoothingWindowDays,
        smoothingIterations);
  }

  public RatingParameters withTauPerGame(double v) {
    return new RatingParameters(
        initialMu,
        initialSigma,
        beta,
        tauPerDay,
        v,
        maxSigma,
        drawMargin,
        minVarianceFactor,
        conservativeK,
        displayScale,
        displayOffset,
        seasonMeanPull,
        seasonSigmaBoost,
        smoothingWindowDays,
        smoothingIterations);
  }

  public RatingParameters withMaxSigma(double v) {
    return new RatingParameters(
        initialMu,
        initialSigma,
        beta,
        tauPerDay,
        tauPerGame,
        v,
        drawMargin,
        minVarianceFactor,
        conservativeK,
        displayScale,
        displayOffset,
        seasonMeanPull,
        seasonSigmaBoost,
        smoothingWindowDays,
        smoothingIterations);
  }

  public RatingParameters withDrawMargin(double v) {
    return new RatingParameters(
        initialMu,
        initialSigma,
        beta,
        tauPerDay,
        tauPerGame,
        maxSigma,
        v,
        minVarianceFactor,
        conservativeK,
        displayScale,
        displayOffset,
        seasonMeanPull,
        seasonSigmaBoost,
        smoothingWindowDays,
        smoothingIterations);
  }

  public RatingParameters withSmoothing(int windowDays, int iterations) {
    return new RatingParameters(
        initialMu,
        initialSigma,
        beta,
        tauPerDay,
        tauPerGame,
        maxSigma,
        drawMargin,
        minVarianceFactor,
        conservativeK,
        displayScale,
        displayOffset,
        seasonMeanPull,
        seasonSigmaBoost,
        windowDays,
        iterations);
  }

  /** The value of one parameter by its record component name, for search tools and reports. */
  public double get(String name) {
    return switch (name) {
      case "initialMu" -> initialMu;
      case "initialSigma" -> initialSigma;
      case "beta" -> beta;
      case "tauPerDay" -> tauPerDay;
      case "tauPerGame" -> tauPerGame;
      case "maxSigma" -> maxSigma;
      case "drawMargin" -> drawMargin;
      default -> throw new IllegalArgumentException("not a tunable parameter: " + name);
    };
  }

  /** A copy with one tunable parameter changed by its record component name. */
  public RatingParameters with(String name, double value) {
    return switch (name) {
      case "initialMu" ->
          new RatingParameters(
              value,
              initialSigma,
              beta,
              tauPerDay,
              tauPerGame,
              maxSigma,
              drawMargin,
              minVarianceFactor,
              conservativeK,
              displayScale,
              displayOffset,
              seasonMeanPull,
              seasonSigmaBoost,
              smoothingWindowDays,
              smoothingIterations);
      case "initialSigma" -> withInitialSigma(value);
      case "beta" -> withBeta(value);
      case "tauPerDay" -> withTauPerDay(value);
      case "tauPerGame" -> withTauPerGame(value);
      case "maxSigma" -> withMaxSigma(value);
      case "drawMargin" -> withDrawMargin(value);
      default -> throw new IllegalArgumentException("not a tunable parameter: " + name);
    };
  }

  private static void finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite, was " + v);
    }
  }

  private static void positive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be > 0 and finite, was " + v);
    }
  }

  private static void nonNegative(String name, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite, was " + v);
    }
  }
}
