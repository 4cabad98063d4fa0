package dev.gsm.batch.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Play styles: MLlib k-means over per-player behaviour features, each cluster named from its
 * centroid ({@link StyleNames}).
 *
 * <p>Features. For each trait t of {@link #TRAITS} and player p: observed = his season total of t;
 * expected = what the average player would have made in the same matches, {@code sum over modes of
 * games(p, mode) * mean of t per appearance in that mode} (modes differ tenfold: a duel has six
 * kills, a battle royale one). The feature is {@code ln((observed + K e) / (expected + K e))} with
 * {@code e = expected / games} and {@link #PRIOR_GAMES} pseudo-games K at the average rate, which
 * pulls players with few games toward the average instead of letting their noise make a style. Log
 * rates make the multiplicative traits additive and put every trait in the same unit, so they are
 * clustered unscaled. A trait the player's modes never produce (assists in duels) is 0.
 *
 * <p>Fit. Players with at least {@code minGames} games, in player-id order on one partition with a
 * fixed seed: k-means|| samples per partition, so this keeps the centroids independent of the
 * cluster's partitioning (same input, same view). Assignment of every player is Spark column
 * arithmetic against the centroids.
 *
 * <p>Confidence. The posterior of the player's style under an equal-weight isotropic Gaussian
 * mixture on the centroids (in the scaled space of the fit) whose variance is the fit's mean
 * squared distance per dimension; the clusters that share a name add up.
 */
final class PlayStyles {

  static final List<String> TRAITS =
      List.of("kills", "deaths", "assists", "damage_dealt", "healing", "objectives");

  static final double PRIOR_GAMES = 3.0;

  /** The fitted styles: centroids (log rates), their names, and the fit's figures. */
  record Model(
      List<double[]> centroids,
      List<String> names,
      double[] scale,
      double variance,
      long fitted,
      double cost) {

    /** The centroid of each name (the first cluster's when clusters share one). */
    Map<String, double[]> traitsByName() {
      Map<String, double[]> out = new TreeMap<>();
      for (int k = 0; k < names.size(); k++) {
        out.putIfAbsent(names.get(k), centroids.get(k));
      }
      return out;
    }
  }

  /** Features and fitted styles. */
  record Result(Dataset<Row> players, Model model) {}

  private PlayStyles() {}

  /**
   * Per player (season, player_id, games, one {@code f_<trait>} column per trait) from the {@code
   * player-mode-stats} view.
   */
  static Dataset<Row> features(Dataset<Row> modeStats) {
    // Per-mode means of every trait: a few rows, summed as longs (exact, so deterministic).
    List<Column> means = new ArrayList<>();
    means.add(sum(col("games")).as("games"));
    for (String t : TRAITS) {
      means.add(sum(col(t)).as(t));
    }
    Map<String, double[]> modeMean = new TreeMap<>();
    for (Row r :
        modeStats
            .groupBy("mode")
            .agg(means.get(0), means.subList(1, means.size()).toArray(Column[]::new))
            .collectAsList()) {
      double games = r.getLong(1);
      double[] m = new double[TRAITS.size()];
      for (int k = 0; k < m.length; k++) {
        m[k] = r.getLong(2 + k) / games;
      }
      modeMean.put(r.getString(0), m);
    }
    // Per player: games by mode and trait totals, all long sums.
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(col("games")).as("games"));
    List<String> modes = new ArrayList<>(modeMean.keySet());
    for (int i = 0; i < modes.size(); i++) {
      aggs.add(
          sum(when(col("mode").equalTo(modes.get(i)), col("games")).otherwise(lit(0L)))
              .as("g" + i));
    }
    for (String t : TRAITS) {
      aggs.add(sum(col(t)).as("o_" + t));
    }
    Dataset<Row> totals =
        modeStats
            .groupBy("season", "player_id")
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    List<Column> out = new ArrayList<>(List.of(col("season"), col("player_id"), col("games")));
    for (int k = 0; k < TRAITS.size(); k++) {
      String t = TRAITS.get(k);
      Column expected = lit(0.0);
      for (int i = 0; i < modes.size(); i++) {
        expected = expected.plus(col("g" + i).multiply(lit(modeMean.get(modes.get(i))[k])));
      }
      Column prior = expected.divide(col("games")).multiply(lit(PRIOR_GAMES));
      Column rate = log(col("o_" + t).plus(prior).divide(expected.plus(prior))).cast("double");
      out.add(when(expected.gt(0), rate).otherwise(lit(0.0)).as("f_" + t));
    }
    return totals.select(out.toArray(Column[]::new));
  }

  /** k-means runs from different seeds; the one with the lowest cost is kept. */
  static final int RESTARTS = 5;

  /**
   * Fits k-means on the players with at least {@code minGames} games and names the clusters. Each
   * trait is divided by its standard deviation among those players first, so a trait in which the
   * population varies little (deaths: most of them come from battle royale, where every loser dies
   * once) weighs as much as one in which it varies a lot (healing); the centroids are given back in
   * log rates. k-means|| can settle in a local optimum (two clusters in one style, two styles in
   * one cluster), so it runs {@link #RESTARTS} times from seeds {@code seed, seed + 1, ...} and
   * keeps the lowest within-cluster cost.
   */
  static Model fit(Dataset<Row> features, int k, int minGames, long seed) {
    Dataset<Row> players =
        features.filter(col("games").geq(minGames)).orderBy("player_id").coalesce(1).cache();
    try {
      long n = players.count();
      if (n < k) {
        throw new IllegalStateException(
            "too few players to find "
                + k
                + " play styles: "
                + n
                + " with at least "
                + minGames
                + " games (lower --min-games or --styles)");
      }
      // one partition in a fixed order: the sums, and so the scales, are the same bits every run
      Row sd =
          players
              .agg(
                  stddev_pop(col("f_" + TRAITS.get(0))),
                  TRAITS.subList(1, TRAITS.size()).stream()
                      .map(t -> stddev_pop(col("f_" + t)))
                      .toArray(Column[]::new))
              .head();
      double[] scale = new double[TRAITS.size()];
      Column[] scaled = new Column[TRAITS.size()];
      for (int t = 0; t < scale.length; t++) {
        scale[t] = sd.isNullAt(t) || sd.getDouble(t) < 1e-9 ? 1.0 : sd.getDouble(t);
        scaled[t] = col("f_" + TRAITS.get(t)).divide(lit(scale[t])).as("s" + t);
      }
      String[] names = new String[scale.length];
      for (int t = 0; t < names.length; t++) {
        names[t] = "s" + t;
      }
      Dataset<Row> training =
          new VectorAssembler()
              .setInputCols(names)
              .setOutputCol("features")
              .transform(players.select(scaled))
              .select("features")
              .cache();
      try {
        KMeansModel best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RESTARTS; r++) {
          KMeansModel model =
              new KMeans().setK(k).setSeed(seed + r).setMaxIter(50).setTol(1e-4).fit(training);
          double cost = model.summary().trainingCost();
          if (cost < bestCost) {
            best = model;
            bestCost = cost;
          }
        }
        List<double[]> centroids = new ArrayList<>();
        List<String> styleNames = new ArrayList<>();
        for (Vector v : best.clusterCenters()) {
          double[] c = v.toArray();
          for (int t = 0; t < c.length; t++) {
            c[t] *= scale[t];
          }
          centroids.add(c);
          styleNames.add(StyleNames.name(c));
        }
        double variance = Math.max(1e-6, bestCost / ((double) n * TRAITS.size()));
        return new Model(centroids, styleNames, scale, variance, n, bestCost);
      } finally {
        training.unpersist();
      }
    } finally {
      players.unpersist();
    }
  }

  /**
   * Adds {@code play_style}, {@code play_style_confidence} and {@code play_style_traits} (the
   * style's centroid as rates against the average player, {@code exp} of the log rates) to {@code
   * features}; drops the feature columns.
   */
  static Dataset<Row> assign(Dataset<Row> features, Model m) {
    int k = m.centroids().size();
    Column[] d2 = new Column[k];
    for (int c = 0; c < k; c++) {
      Column acc = lit(0.0);
      for (int t = 0; t < TRAITS.size(); t++) {
        Column diff =
            col("f_" + TRAITS.get(t)).minus(lit(m.centroids().get(c)[t])).divide(lit(m.scale()[t]));
        acc = acc.plus(diff.multiply(diff));
      }
      d2[c] = acc;
    }
    Dataset<Row> withDistances = features;
    for (int c = 0; c < k; c++) {
      withDistances = withDistances.withColumn("_d" + c, d2[c]);
    }
    // Posterior weights exp(-(d2 - min d2) / (2 variance)); the nearest centroid has weight 1.
    Column min = k == 1 ? col("_d0") : functions.least(cols("_d", k));
    Column total = lit(0.0);
    Column[] w = new Column[k];
    for (int c = 0; c < k; c++) {
      w[c] = exp(col("_d" + c).minus(col("_dmin")).divide(lit(-2 * m.variance())));
      total = total.plus(w[c]);
    }
    Column nearest = lit(m.names().get(0));
    for (int c = k - 1; c >= 0; c--) {
      nearest = when(col("_d" + c).equalTo(col("_dmin")), lit(m.names().get(c))).otherwise(nearest);
    }
    Dataset<Row> named =
        withDistances
            .withColumn("_dmin", min)
            .withColumn("play_style", nearest)
            .withColumn("_total", total);
    Column confidence = lit(0.0);
    for (int c = 0; c < k; c++) {
      confidence =
          confidence.plus(
              when(col("play_style").equalTo(lit(m.names().get(c))), w[c]).otherwise(lit(0.0)));
    }
    Map<String, double[]> traits = m.traitsByName();
    Column traitMap = lit(null).cast("map<string,double>");
    for (Map.Entry<String, double[]> e : traits.entrySet()) {
      traitMap =
          when(col("play_style").equalTo(lit(e.getKey())), traitMap(e.getValue()))
              .otherwise(traitMap);
    }
    List<Column> keep = new ArrayList<>();
    for (String c : features.columns()) {
      if (!c.startsWith("f_")) {
        keep.add(col(c));
      }
    }
    keep.add(col("play_style"));
    keep.add(greatest(lit(0.0), confidence.divide(col("_total"))).as("play_style_confidence"));
    keep.add(traitMap.as("play_style_traits"));
    return named.select(keep.toArray(Column[]::new));
  }

  private static Column traitMap(double[] centroid) {
    Map<String, Double> rates = new LinkedHashMap<>();
    for (int t = 0; t < TRAITS.size(); t++) {
      rates.put(TRAITS.get(t), Math.exp(centroid[t]));
    }
    List<Column> kv = new ArrayList<>();
    rates.forEach(
        (name, v) -> {
          kv.add(lit(name));
          kv.add(lit(v));
        });
    return functions.map(kv.toArray(Column[]::new));
  }

  private static Column[] cols(String prefix, int n) {
    Column[] out = new Column[n];
    for (int i = 0; i < n; i++) {
      out[i] = col(prefix + i);
    }
    return out;
  }
}
