package dev.gsm.core.generate;

/**
 * Server regions, each with the UTC offset of its players' evenings (the daily cycle runs on local
 * time) and its share of the population.
 */
public enum Region {
  EU_WEST("eu-west", 1, 0.30),
  US_EAST("us-east", -5, 0.24),
  US_WEST("us-west", -8, 0.12),
  SA_EAST("sa-east", -3, 0.09),
  AP_SOUTH("ap-south", 5, 0.10),
  AP_EAST("ap-east", 9, 0.15);

  public final String code;
  public final int utcOffsetHours;
  final double share;

  Region(String code, int utcOffsetHours, double share) {
    this.code = code;
    this.utcOffsetHours = utcOffsetHours;
    this.share = share;
  }
}
