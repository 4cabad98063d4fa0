package dev.gsm.train.bench;

import dev.gsm.core.features.MatchFeatures;
import dev.gsm.core.features.PlayerSnapshot;
import dev.gsm.core.prediction.MatchQualityPredictor;
import dev.gsm.core.prediction.PortableModel;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingPredictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark, not a test: predictions per second of the pure-Java evaluator in one thread, (1) the
 * bare model on ready feature vectors, (2) the whole match-quality prediction (features from
 * snapshots + win + engagement models). Usage: {@code java -cp ...
 * dev.gsm.train.bench.PredictionBench <registry>/versions/<V>}.
 */
public final class PredictionBench {

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    PortableModel win = PortableModel.fromJson(Files.readString(dir.resolve("win.json")));
    PortableModel eng = PortableModel.fromJson(Files.readString(dir.resolve("engagement.json")));
    SplittableRandom r = new SplittableRandom(1);
    int n = 1 << 16;
    double[][] xs = new double[n][win.features().size()];
    for (double[] x : xs) {
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextGaussian();
      }
    }
    double sink = 0;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      int reps = 40;
      for (int k = 0; k < reps; k++) {
        for (double[] x : xs) {
          sink += win.predict(x);
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: bare win model %.2f M predictions/s%n",
          round,
          reps * n / s / 1e6);
    }
    RatingParameters p = RatingParameters.defaults();
    MatchQualityPredictor q = new MatchQualityPredictor(new RatingPredictor(p), win, eng);
    PlayerSnapshot[] snaps = new PlayerSnapshot[1024];
    long now = 1_780_000_000L;
    for (int i = 0; i < snaps.length; i++) {
      snaps[i] =
          new PlayerSnapshot(
              new PlayerRating(
                  r.nextGaussian(),
                  0.2 + 0.3 * r.nextDouble(),
                  now - r.nextInt(86400 * 5),
                  1 + r.nextInt(300),
                  0,
                  0,
                  0),
              r.nextInt(30),
              r.nextDouble() * 100,
              r.nextDouble(),
              r.nextDouble() * 0.3,
              r.nextGaussian() * 0.05);
    }
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      int m = 200_000;
      for (int k = 0; k < m; k++) {
        sink +=
            q.predict(List.of(snaps[k & 1023]), List.of(snaps[(k * 7 + 3) & 1023]), true, now)
                .quality();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: 1v1 match-quality (features + win + 2 engagement) %.0f k predictions/s%n",
          round,
          m / s / 1e3);
    }
    System.out.println(
        "(checksum "
            + sink
            + ", features "
            + MatchFeatures.WIN_FEATURES.size()
            + "+"
            + MatchFeatures.ENGAGEMENT_FEATURES.size()
            + ")");
  }
}
