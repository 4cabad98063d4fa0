package dev.gsm.core.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatingSmootherTest {
  private static final long DAY = 86_400L;

  @Test
  void earlyWinOverPlayerLaterShownStrongCountsMoreAfterSmoothing() {
    RatingParameters p = RatingParameters.defaults();
    RatingEngine engine = new RatingEngine(p);
    RatingTable filtered = new RatingTable(p);
    RatingSmoother smoother = new RatingSmoother(p);
    int a = filtered.intern("a");
    int b = filtered.intern("b");
    int[] others = new int[10];
    for (int i = 0; i < others.length; i++) {
      others[i] = filtered.intern("o" + i);
    }
    int[] start = {0, 1, 2};
    int[] winLoss = {0, 1};
    long t = 0;
    engine.rate1v1(filtered, a, b, t);
    smoother.add(t, new int[] {a, b}, start, winLoss);
    for (int o : others) {
      t += DAY;
      engine.rate1v1(filtered, b, o, t);
      smoother.add(t, new int[] {b, o}, start, winLoss);
    }
    RatingTable smoothed = new RatingTable(p);
    smoothed.intern("a");
    smoothed.intern("b");
    for (int i = 0; i < others.length; i++) {
      smoothed.intern("o" + i);
    }
    smoother.smooth(Long.MIN_VALUE, 3);
    smoother.writeTo(smoothed, Long.MIN_VALUE);
    assertThat(smoothed.mu(a)).isGreaterThan(filtered.mu(a));
    assertThat(smoothed.mu(a)).isGreaterThan(0);
    assertThat(smoothed.sigma(a)).isLessThanOrEqualTo(filtered.sigma(a));
    assertThat(smoothed.lastActiveEpochSecond(b)).isEqualTo(t);
  }

  @Test
  void smoothingIsDeterministic() {
    RatingParameters p = RatingParameters.defaults();
    double[] first = run(p);
    double[] second = run(p);
    assertThat(first).isEqualTo(second);
  }

  @Test
  void reservingTheSeasonsSizeUpFrontGivesTheSameBits() {
    RatingParameters p = RatingParameters.defaults();
    // 3,000 two-sided matches of 2 players each among 20 players: more matches, sides and nodes
    // than the smoother's starting arrays hold, so each is reserved or grown
    double[] grown = run(p, 3_000, s -> {});
    // exactly the season's size
    assertThat(run(p, 3_000, s -> s.reserve(3_000, 6_000, 6_000, 20))).isEqualTo(grown);
    // a smaller reservation than needed (and not a power of two) still grows
    assertThat(run(p, 3_000, s -> s.reserve(1_500, 3_000, 3_000, 20))).isEqualTo(grown);
  }

  private static double[] run(RatingParameters p) {
    return run(p, 500, s -> {});
  }

  private static double[] run(
      RatingParameters p, int matches, java.util.function.Consumer<RatingSmoother> prepare) {
    RatingSmoother s = new RatingSmoother(p);
    prepare.accept(s);
    RatingTable t = new RatingTable(p);
    for (int i = 0; i < 20; i++) {
      t.intern("p" + i);
    }
    java.util.Random rnd = new java.util.Random(3);
    for (int m = 0; m < matches; m++) {
      int a = rnd.nextInt(20);
      int b = (a + 1 + rnd.nextInt(19)) % 20;
      s.add(m * DAY / 4, new int[] {a, b}, new int[] {0, 1, 2}, new int[] {0, rnd.nextInt(2)});
    }
    s.smooth(Long.MIN_VALUE, 2);
    s.writeTo(t, Long.MIN_VALUE);
    double[] out = new double[40];
    for (int i = 0; i < 20; i++) {
      out[2 * i] = t.mu(i);
      out[2 * i + 1] = t.sigma(i);
    }
    return out;
  }

  @Test
  void aCarriedPriorStartsThePlayersChainInsteadOfTheNewcomers() {
    RatingParameters p = RatingParameters.defaults();
    int[] start = {0, 1, 2};
    int[] winLoss = {0, 1};
    RatingSmoother fresh = new RatingSmoother(p);
    RatingSmoother carried = new RatingSmoother(p);
    carried.prior(0, 1.5, 0.3);
    fresh.add(0, new int[] {1, 0}, start, winLoss);
    carried.add(0, new int[] {1, 0}, start, winLoss);
    fresh.smooth(Long.MIN_VALUE, 1);
    carried.smooth(Long.MIN_VALUE, 1);
    RatingTable a = new RatingTable(p);
    RatingTable b = new RatingTable(p);
    for (RatingTable t : new RatingTable[] {a, b}) {
      t.intern("strong");
      t.intern("upstart");
    }
    fresh.writeTo(a, Long.MIN_VALUE);
    carried.writeTo(b, Long.MIN_VALUE);
    assertThat(b.mu(0)).isGreaterThan(a.mu(0));
    assertThat(b.sigma(0)).isLessThan(a.sigma(0));
  }
}
