package dev.gsm.core.generate;

/** The game modes the generator plays, with their stored code and match length range. */
public enum GameMode {
  DUEL("duel", 300, 900),
  TEAM_5V5("5v5", 1500, 2700),
  BATTLE_ROYALE("battle_royale", 900, 1800);

  /** The {@code mode} value of the match record. */
  public final String code;

  final int minSeconds;
  final int maxSeconds;

  GameMode(String code, int minSeconds, int maxSeconds) {
    this.code = code;
    this.minSeconds = minSeconds;
    this.maxSeconds = maxSeconds;
  }
}
