package dev.gsm.core.generate;

/** Client platforms with their share of the population; a player plays on his home platform. */
public enum Platform {
  PC("pc", 0.40),
  PLAYSTATION("playstation", 0.25),
  XBOX("xbox", 0.15),
  MOBILE("mobile", 0.20);

  public final String code;
  final double share;

  Platform(String code, double share) {
    this.code = code;
    this.share = share;
  }
}
