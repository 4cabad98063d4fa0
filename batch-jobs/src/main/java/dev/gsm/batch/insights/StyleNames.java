package dev.gsm.batch.insights;

import java.util.List;

/**
 * Names a play-style cluster from its centroid, never from its index. A centroid holds, per
 * behaviour trait ({@link PlayStyles#TRAITS}), the natural log of the players' rate against the
 * average player of the same modes (0 = average, ln 2 = twice as often). Four named leanings are
 * scored from it:
 *
 * <ul>
 *   <li>{@code aggressive}: the mean of kills, deaths and damage dealt (trades hard, both ways);
 *   <li>{@code cautious}: minus deaths (survives);
 *   <li>{@code support}: the mean of assists and healing;
 *   <li>{@code objective}: objectives.
 * </ul>
 *
 * The centroid takes the name of its highest score when that score is at least {@link #STANDS_OUT}
 * (ln 1.25: 25% above the average player), else {@code balanced}. Ties go to the leaning listed
 * first. Two centroids may earn the same name (k larger than the styles present): they are one
 * style, and a player's confidence in it is the weight of both.
 */
final class StyleNames {

  static final double STANDS_OUT = Math.log(1.25);

  static final String BALANCED = "balanced";

  static final List<String> LEANINGS = List.of("aggressive", "cautious", "support", "objective");

  private StyleNames() {}

  /**
   * @param centroid log rates in the order of {@link PlayStyles#TRAITS}
   */
  static String name(double[] centroid) {
    double[] scores = scores(centroid);
    int best = 0;
    for (int k = 1; k < scores.length; k++) {
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    return scores[best] >= STANDS_OUT ? LEANINGS.get(best) : BALANCED;
  }

  /** The scores of {@link #LEANINGS}, in that order. */
  static double[] scores(double[] c) {
    double kills = c[PlayStyles.TRAITS.indexOf("kills")];
    double deaths = c[PlayStyles.TRAITS.indexOf("deaths")];
    double assists = c[PlayStyles.TRAITS.indexOf("assists")];
    double damage = c[PlayStyles.TRAITS.indexOf("damage_dealt")];
    double healing = c[PlayStyles.TRAITS.indexOf("healing")];
    double objectives = c[PlayStyles.TRAITS.indexOf("objectives")];
    return new double[] {
      (kills + deaths + damage) / 3, -deaths, (assists + healing) / 2, objectives
    };
  }
}
