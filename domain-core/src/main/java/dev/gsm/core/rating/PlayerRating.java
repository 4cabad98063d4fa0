package dev.gsm.core.rating;

/**
 * One player's rating state as stored outside the engine (the speed layer keeps it in Redis).
 *
 * @param mu skill estimate on the internal scale
 * @param sigma standard deviation of the skill estimate at {@code lastActiveEpochSecond}
 * @param lastActiveEpochSecond time of the player's last rated match (meaningless when games is 0)
 * @param games rated matches played
 */
public record PlayerRating(
    double mu,
    double sigma,
    long lastActiveEpochSecond,
    int games,
    int wins,
    int losses,
    int draws) {

  public PlayerRating {
    if (!Double.isFinite(mu) || !(sigma > 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException(
          "mu must be finite and sigma > 0 and finite, was mu=" + mu + " sigma=" + sigma);
    }
    if (games < 0 || wins < 0 || losses < 0 || draws < 0 || wins + losses + draws > games) {
      throw new IllegalArgumentException(
          "inconsistent counters: games="
              + games
              + " wins="
              + wins
              + " losses="
              + losses
              + " draws="
              + draws);
    }
  }

  /** The state of a player who has never played. */
  public static PlayerRating newcomer(RatingParameters p) {
    return new PlayerRating(p.initialMu(), p.initialSigma(), 0L, 0, 0, 0, 0);
  }
}
