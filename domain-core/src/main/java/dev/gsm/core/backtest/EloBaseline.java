package dev.gsm.core.backtest;

/**
 * Plain Elo on the natural-log scale, every player starting at 0: {@code p = 1 / (1 + exp(-(r_a -
 * r_b)))}, {@code r += k (s - p)}. With k = 0.262 it reproduces the published Elo figures of the
 * ATP protocol, which validates the protocol itself. Teams rate as the sum of their members (each
 * member takes the side's whole change); more than two sides update pairwise and forecast first
 * place as a softmax.
 */
public final class EloBaseline implements Forecaster {
  /** The learning rate that reproduces the published figures (0.5633 / 0.7047). */
  public static final double PUBLISHED_LEARNING_RATE = 0.262;

  private final double k;
  private double[] r;
  private double[] sideRating = new double[8];
  private double[] change = new double[8];

  public EloBaseline(double learningRate, int players) {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
    }
    this.k = learningRate;
    this.r = new double[Math.max(players, 1)];
  }

  public double learningRate() {
    return k;
  }

  @Override
  public String name() {
    return "elo";
  }

  @Override
  public void train(BacktestMatch m) {
    update(m);
  }

  @Override
  public double[] predict(BacktestMatch m) {
    sums(m);
    int n = m.sides();
    double[] p = new double[n];
    if (n == 2) {
      p[0] = 1.0 / (1.0 + Math.exp(-(sideRating[0] - sideRating[1])));
      p[1] = 1.0 - p[0];
      return p;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < n; s++) {
      max = Math.max(max, sideRating[s]);
    }
    double total = 0;
    for (int s = 0; s < n; s++) {
      p[s] = Math.exp(sideRating[s] - max);
      total += p[s];
    }
    for (int s = 0; s < n; s++) {
      p[s] /= total;
    }
    return p;
  }

  @Override
  public void update(BacktestMatch m) {
    sums(m);
    int n = m.sides();
    int[] place = m.placements();
    for (int s = 0; s < n; s++) {
      change[s] = 0;
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        double p = 1.0 / (1.0 + Math.exp(-(sideRating[a] - sideRating[b])));
        double score = place[a] < place[b] ? 1.0 : place[a] == place[b] ? 0.5 : 0.0;
        double d = k * (score - p);
        change[a] += d;
        change[b] -= d;
      }
    }
    int[] start = m.sideStart();
    for (int s = 0; s < n; s++) {
      for (int j = start[s]; j < start[s + 1]; j++) {
        r[m.players()[j]] += change[s];
      }
    }
  }

  private void sums(BacktestMatch m) {
    int n = m.sides();
    if (sideRating.length < n) {
      sideRating = new double[n];
      change = new double[n];
    }
    int bound = m.playerBound();
    if (bound > r.length) {
      r = java.util.Arrays.copyOf(r, Math.max(bound, r.length * 2));
    }
    int[] start = m.sideStart();
    for (int s = 0; s < n; s++) {
      double sum = 0;
      for (int j = start[s]; j < start[s + 1]; j++) {
        sum += r[m.players()[j]];
      }
      sideRating[s] = sum;
    }
  }
}
