package dev.gsm.core.rating;

/**
 * Standard normal functions in plain, deterministic arithmetic ({@link StrictMath} for {@code
 * exp}), so that every JVM and every caller gets the same bits. {@code cdf} uses the Chebyshev fit
 * of erfc from Numerical Recipes with its constant term shifted by 6.17e-6 so that Phi(0) is
 * exactly 1/2 (even players are an exact coin flip); relative error then stays below 7e-6
 * everywhere, tails included, and the ratio pdf/cdf is computed without underflow.
 */
final class Gaussian {
  private static final double INV_SQRT_2PI = 0.3989422804014327;
  private static final double SQRT_2_OVER_PI = 0.7978845608028654;
  private static final double INV_SQRT_2 = 0.7071067811865476;

  private Gaussian() {}

  static double pdf(double x) {
    return INV_SQRT_2PI * StrictMath.exp(-0.5 * x * x);
  }

  /** {@code t} of the erfc fit at {@code z = |x|/sqrt(2)}. */
  private static double fitT(double z) {
    return 1.0 / (1.0 + 0.5 * z);
  }

  /** The polynomial of the erfc fit: erfc(z) = t * exp(-z^2 + poly(t)) for z >= 0. */
  private static double fitPoly(double t) {
    return -1.26550606
        + t
            * (1.00002368
                + t
                    * (0.37409196
                        + t
                            * (0.09678418
                                + t
                                    * (-0.18628806
                                        + t
                                            * (0.27886187
                                                + t
                                                    * (-1.13520398
                                                        + t
                                                            * (1.48851587
                                                                + t
                                                                    * (-0.82215223
                                                                        + t * 0.17087277))))))));
  }

  /** Phi(x), the standard normal distribution function. */
  static double cdf(double x) {
    double z = Math.abs(x) * INV_SQRT_2;
    double t = fitT(z);
    double tail = 0.5 * t * StrictMath.exp(-z * z + fitPoly(t));
    return x >= 0 ? 1.0 - tail : tail;
  }

  /** phi(x) / Phi(x), finite for every finite x (about -x for very negative x). */
  static double pdfOverCdf(double x) {
    if (x >= 0) {
      return pdf(x) / cdf(x);
    }
    // For x < 0, Phi(x) = 0.5 t exp(-x^2/2 + poly): the Gaussian factors cancel analytically.
    double t = fitT(-x * INV_SQRT_2);
    return SQRT_2_OVER_PI / (t * StrictMath.exp(fitPoly(t)));
  }
}
