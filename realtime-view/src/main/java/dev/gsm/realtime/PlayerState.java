package dev.gsm.realtime;

import dev.gsm.core.rating.PlayerRating;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One player in one season of the real-time view (and of a batch view, for {@link
 * RealtimeView#loadGeneration}): the global rating, one rating per mode played, and the player's
 * rated matches of the season per region and per platform, whose most frequent ones (ties to the
 * smaller code: the batch's primary-region rule) place the player on the region and platform
 * boards. The ratings carry the engine's counters (games, wins, losses, draws): the player's
 * record.
 *
 * @param regionMatches rated matches of the season by region; empty only while a state is built
 * @param platformMatches rated matches of the season by platform; the same
 */
public record PlayerState(
    String season,
    String playerId,
    PlayerRating global,
    SortedMap<String, PlayerRating> modes,
    SortedMap<String, Integer> regionMatches,
    SortedMap<String, Integer> platformMatches) {

  public PlayerState {
    Objects.requireNonNull(season, "season");
    Objects.requireNonNull(playerId, "playerId");
    Objects.requireNonNull(global, "global");
    modes = Collections.unmodifiableSortedMap(new TreeMap<>(modes));
    regionMatches = Collections.unmodifiableSortedMap(new TreeMap<>(regionMatches));
    platformMatches = Collections.unmodifiableSortedMap(new TreeMap<>(platformMatches));
  }

  /**
   * A state whose every rated match of the season (its global games, at least one) was in {@code
   * region} on {@code platform}.
   */
  public PlayerState(
      String season,
      String playerId,
      PlayerRating global,
      SortedMap<String, PlayerRating> modes,
      String region,
      String platform) {
    this(
        season,
        playerId,
        global,
        modes,
        only(region, Math.max(1, global.games())),
        only(platform, Math.max(1, global.games())));
  }

  private static SortedMap<String, Integer> only(String code, int matches) {
    TreeMap<String, Integer> m = new TreeMap<>();
    m.put(Objects.requireNonNull(code, "region/platform"), matches);
    return m;
  }

  /** The region of most rated matches of the season, ties to the smaller code. */
  public String region() {
    return primary(regionMatches, "region");
  }

  /** The platform of most rated matches of the season, ties to the smaller code. */
  public String platform() {
    return primary(platformMatches, "platform");
  }

  /** The most frequent code, ties to the smaller (the batch's primary-region rule). */
  static String primary(SortedMap<String, Integer> matches, String what) {
    String best = null;
    int most = 0;
    for (Map.Entry<String, Integer> e : matches.entrySet()) {
      if (e.getValue() > most) { // entries ascend by code: a tie keeps the smaller
        best = e.getKey();
        most = e.getValue();
      }
    }
    if (best == null) {
      throw new IllegalStateException("a player state without a rated match in any " + what);
    }
    return best;
  }

  public PlayerState withGlobal(PlayerRating r) {
    return new PlayerState(season, playerId, r, modes, regionMatches, platformMatches);
  }

  public PlayerState withMode(String mode, PlayerRating r) {
    TreeMap<String, PlayerRating> m = new TreeMap<>(modes);
    m.put(mode, r);
    return new PlayerState(season, playerId, global, m, regionMatches, platformMatches);
  }

  /** The state after one more rated match in {@code region} on {@code platform}. */
  public PlayerState withMatchIn(String region, String platform) {
    TreeMap<String, Integer> r = new TreeMap<>(regionMatches);
    r.merge(region, 1, Integer::sum);
    TreeMap<String, Integer> p = new TreeMap<>(platformMatches);
    p.merge(platform, 1, Integer::sum);
    return new PlayerState(season, playerId, global, modes, r, p);
  }

  /**
   * The state as one string (the value of the player's key): {@code <region> <platform> <global>}
   * then {@code <mode>=<rating>} per mode played, in mode order, then {@code @<region>:<n>,...} and
   * {@code #<platform>:<n>,...} (rated matches per region and platform, in code order), separated
   * by single spaces (codes are {@code [a-z0-9_-]}: no space, no {@code =}, {@code @}, {@code #},
   * {@code :} or {@code ,}). The first two fields are the primary region and platform, which the
   * Lua steps read. One string per player makes a batch's writes one {@code MSET} and its reads one
   * {@code MGET}, where a hash per player took one {@code HSET} per player and a script to read
   * them.
   */
  public String pack() {
    StringBuilder b = new StringBuilder(96 + 72 * modes.size());
    b.append(region()).append(' ').append(platform()).append(' ');
    encode(global, b);
    for (Map.Entry<String, PlayerRating> e : modes.entrySet()) {
      b.append(' ').append(e.getKey()).append('=');
      encode(e.getValue(), b);
    }
    counts('@', regionMatches, b);
    counts('#', platformMatches, b);
    return b.toString();
  }

  private static void counts(char tag, SortedMap<String, Integer> m, StringBuilder b) {
    b.append(' ').append(tag);
    boolean first = true;
    for (Map.Entry<String, Integer> e : m.entrySet()) {
      b.append(first ? "" : ",").append(e.getKey()).append(':').append(e.getValue());
      first = false;
    }
  }

  /**
   * {@link #pack}'s inverse; {@code null} for a missing value (no state in that season). A state
   * packed before the counts were (no {@code @} and {@code #} fields) reads as every global game in
   * its packed region and platform.
   */
  public static PlayerState unpack(String season, String playerId, String packed) {
    if (packed == null || packed.isEmpty()) {
      return null;
    }
    String[] t = packed.split(" ", -1);
    if (t.length < 3) {
      throw new IllegalArgumentException("not a player state: " + packed);
    }
    TreeMap<String, PlayerRating> modes = new TreeMap<>();
    TreeMap<String, Integer> regions = new TreeMap<>();
    TreeMap<String, Integer> platforms = new TreeMap<>();
    for (int i = 3; i < t.length; i++) {
      char tag = t[i].isEmpty() ? ' ' : t[i].charAt(0);
      if (tag == '@' || tag == '#') {
        parseCounts(t[i], tag == '@' ? regions : platforms, packed);
        continue;
      }
      int eq = t[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not a player state: " + packed);
      }
      modes.put(t[i].substring(0, eq), decode(t[i].substring(eq + 1)));
    }
    PlayerRating global = decode(t[2]);
    if (regions.isEmpty() && platforms.isEmpty()) {
      return new PlayerState(season, playerId, global, modes, t[0], t[1]);
    }
    return new PlayerState(season, playerId, global, modes, regions, platforms);
  }

  private static void parseCounts(String field, Map<String, Integer> into, String packed) {
    for (String kv : field.substring(1).split(",", -1)) {
      int colon = kv.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("not a player state: " + packed);
      }
      into.put(kv.substring(0, colon), Integer.parseInt(kv.substring(colon + 1)));
    }
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
