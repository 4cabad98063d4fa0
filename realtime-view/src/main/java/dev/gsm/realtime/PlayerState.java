package dev.gsm.realtime;

import dev.gsm.core.rating.PlayerRating;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One player in one season of the real-time view (and of a batch view, for {@link
 * RealtimeView#loadGeneration}): the global rating, one rating per mode played, and the region and
 * platform of the latest rated match, which place the player on the region and platform boards. The
 * ratings carry the engine's counters (games, wins, losses, draws): the player's record.
 */
public record PlayerState(
    String season,
    String playerId,
    PlayerRating global,
    SortedMap<String, PlayerRating> modes,
    String region,
    String platform) {

  public PlayerState {
    Objects.requireNonNull(season, "season");
    Objects.requireNonNull(playerId, "playerId");
    Objects.requireNonNull(global, "global");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(platform, "platform");
    modes = Collections.unmodifiableSortedMap(new TreeMap<>(modes));
  }

  public PlayerState withGlobal(PlayerRating r) {
    return new PlayerState(season, playerId, r, modes, region, platform);
  }

  public PlayerState withMode(String mode, PlayerRating r) {
    TreeMap<String, PlayerRating> m = new TreeMap<>(modes);
    m.put(mode, r);
    return new PlayerState(season, playerId, global, m, region, platform);
  }

  public PlayerState withPlace(String newRegion, String newPlatform) {
    return new PlayerState(season, playerId, global, modes, newRegion, newPlatform);
  }

  /**
   * The state as one string (the value of the player's key): {@code <region> <platform> <global>}
   * then {@code <mode>=<rating>} per mode played, in mode order, separated by single spaces (codes
   * are {@code [a-z0-9_-]}: no space, no {@code =}). One string per player makes a batch's writes
   * one {@code MSET} and its reads one {@code MGET}, where a hash per player took one {@code HSET}
   * per player and a script to read them.
   */
  public String pack() {
    StringBuilder b = new StringBuilder(64 + 72 * modes.size());
    b.append(region).append(' ').append(platform).append(' ');
    encode(global, b);
    for (Map.Entry<String, PlayerRating> e : modes.entrySet()) {
      b.append(' ').append(e.getKey()).append('=');
      encode(e.getValue(), b);
    }
    return b.toString();
  }

  /** {@link #pack}'s inverse; {@code null} for a missing value (no state in that season). */
  public static PlayerState unpack(String season, String playerId, String packed) {
    if (packed == null || packed.isEmpty()) {
      return null;
    }
    String[] t = packed.split(" ", -1);
    if (t.length < 3) {
      throw new IllegalArgumentException("not a player state: " + packed);
    }
    TreeMap<String, PlayerRating> modes = new TreeMap<>();
    for (int i = 3; i < t.length; i++) {
      int eq = t[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not a player state: " + packed);
      }
      modes.put(t[i].substring(0, eq), decode(t[i].substring(eq + 1)));
    }
    return new PlayerState(season, playerId, decode(t[2]), modes, t[0], t[1]);
  }

  /** The rating a board ranks, from a packed state: the global one, or the board's mode's. */
  static PlayerRating boardRating(String packed, Board board) {
    String[] t = packed.split(" ", -1);
    if (board.kind() != Board.Kind.MODE) {
      return decode(t[2]);
    }
    String prefix = board.value() + "=";
    for (int i = 3; i < t.length; i++) {
      if (t[i].startsWith(prefix)) {
        return decode(t[i].substring(prefix.length()));
      }
    }
    throw new IllegalStateException("no " + board.value() + " rating in " + packed);
  }

  /**
   * {@code mu,sigma,lastActive,games,wins,losses,draws}. {@link Double#toString} is the shortest
   * decimal that parses back to the same double, so a state survives Redis bit for bit.
   */
  static void encode(PlayerRating r, StringBuilder b) {
    b.append(r.mu())
        .append(',')
        .append(r.sigma())
        .append(',')
        .append(r.lastActiveEpochSecond())
        .append(',')
        .append(r.games())
        .append(',')
        .append(r.wins())
        .append(',')
        .append(r.losses())
        .append(',')
        .append(r.draws());
  }

  static PlayerRating decode(String s) {
    String[] f = s.split(",", -1);
    if (f.length != 7) {
      throw new IllegalArgumentException("not a rating state: " + s);
    }
    return new PlayerRating(
        Double.parseDouble(f[0]),
        Double.parseDouble(f[1]),
        Long.parseLong(f[2]),
        Integer.parseInt(f[3]),
        Integer.parseInt(f[4]),
        Integer.parseInt(f[5]),
        Integer.parseInt(f[6]));
  }
}
