package dev.gsm.core.generate;

import java.util.Locale;

/**
 * A planted play style: multipliers on the per-match statistics of an average player. The batch
 * insights job should recover these from the stats alone; the ground truth says who has which.
 */
public enum PlayStyle {
  BALANCED(0.40, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
  /** Many kills and deaths, high damage. */
  AGGRESSIVE(0.15, 1.6, 1.5, 0.8, 1.6, 0.5, 0.7),
  /** Assists and healing. */
  SUPPORT(0.15, 0.6, 0.8, 2.0, 0.8, 4.0, 1.0),
  /** Captures objectives. */
  OBJECTIVE(0.15, 0.8, 1.0, 1.0, 0.9, 1.0, 3.0),
  /** Few deaths, survives long (snipers, campers). */
  CAUTIOUS(0.15, 0.8, 0.45, 0.8, 0.9, 1.2, 0.8);

  final double share;
  final double kills;
  final double deaths;
  final double assists;
  final double damage;
  final double healing;
  final double objectives;

  PlayStyle(
      double share,
      double kills,
      double deaths,
      double assists,
      double damage,
      double healing,
      double objectives) {
    this.share = share;
    this.kills = kills;
    this.deaths = deaths;
    this.assists = assists;
    this.damage = damage;
    this.healing = healing;
    this.objectives = objectives;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
