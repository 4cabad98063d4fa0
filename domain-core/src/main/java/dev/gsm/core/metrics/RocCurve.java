package dev.gsm.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ROC curve of binary forecasts and its area (AUC): the probability that a random positive gets
 * a higher forecast than a random negative, ties counting one half (the Mann-Whitney statistic).
 *
 * @param points (false positive rate, true positive rate) at every distinct threshold, from (0, 0)
 *     to (1, 1), thinned to at most {@link #MAX_POINTS} for plotting (the AUC uses every point)
 */
public record RocCurve(long positives, long negatives, double auc, List<double[]> points) {

  public static final int MAX_POINTS = 512;

  public RocCurve {
    points = List.copyOf(points);
  }

  public static RocCurve of(double[] p, boolean[] happened) {
    int n = p.length;
    if (happened.length != n) {
      throw new IllegalArgumentException("forecasts and outcomes differ in length");
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    long pos = 0;
    for (boolean h : happened) {
      pos += h ? 1 : 0;
    }
    long neg = n - pos;
    List<double[]> all = new ArrayList<>();
    all.add(new double[] {0, 0});
    double area = 0;
    long tp = 0;
    long fp = 0;
    int i = 0;
    while (i < n) {
      long tp0 = tp;
      long fp0 = fp;
      double v = p[order[i]];
      while (i < n && p[order[i]] == v) {
        if (happened[order[i]]) {
          tp++;
        } else {
          fp++;
        }
        i++;
      }
      // trapezoid over a block of ties = counting each tied positive-negative pair as one half
      area += (fp - fp0) * (tp + tp0) / 2.0;
      all.add(new double[] {neg == 0 ? 0 : (double) fp / neg, pos == 0 ? 0 : (double) tp / pos});
    }
    double auc = pos == 0 || neg == 0 ? Double.NaN : area / ((double) pos * neg);
    List<double[]> thin = all;
    if (all.size() > MAX_POINTS) {
      thin = new ArrayList<>(MAX_POINTS);
      for (int k = 0; k < MAX_POINTS - 1; k++) {
        thin.add(all.get((int) ((long) k * (all.size() - 1) / (MAX_POINTS - 1))));
      }
      thin.add(all.get(all.size() - 1));
    }
    return new RocCurve(pos, neg, auc, thin);
  }
}
