package dev.gsm.schema;

/**
 * Per-player statistics of one match, the union of what shooters, MOBAs and battle royales report.
 * Every count is non-negative; a game that does not report a statistic leaves it at zero.
 *
 * @param score the game's own score for the player
 * @param kills eliminations by the player
 * @param deaths times the player was eliminated
 * @param assists eliminations the player helped with
 * @param damageDealt damage dealt to opponents
 * @param damageTaken damage received
 * @param healing healing done to self and team mates
 * @param objectives objectives captured, towers destroyed, bombs planted...
 * @param secondsPlayed time the player was in the match; less than the match length for a leaver
 */
public record PlayerStats(
    long score,
    int kills,
    int deaths,
    int assists,
    long damageDealt,
    long damageTaken,
    long healing,
    int objectives,
    int secondsPlayed) {

  public static final PlayerStats NONE = new PlayerStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
