package dev.gsm.realtime;

import dev.gsm.core.rating.PlayerRating;
import java.util.Collections;
import java.util.LinkedHashMap;
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

  static final String GLOBAL_FIELD = "g";
  static final String MODE_FIELD_PREFIX = "m:";
  static final String REGION_FIELD = "rg";
  static final String PLATFORM_FIELD = "pf";

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

  /** The hash fields, in a stable order. */
  Map<String, String> toHash() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(GLOBAL_FIELD, encode(global));
    for (Map.Entry<String, PlayerRating> e : modes.entrySet()) {
      h.put(MODE_FIELD_PREFIX + e.getKey(), encode(e.getValue()));
    }
    h.put(REGION_FIELD, region);
    h.put(PLATFORM_FIELD, platform);
    return h;
  }

  /** Appends every hash field and value to {@code args}; returns the number of fields. */
  int addHash(java.util.List<String> args) {
    Map<String, String> h = toHash();
    h.forEach(
        (f, v) -> {
          args.add(f);
          args.add(v);
        });
    return h.size();
  }

  /**
   * Appends the hash fields (and values) in which this state differs from {@code before}, the same
   * player's stored state; returns their number. A mode never leaves a state, so no field is ever
   * removed.
   */
  int addChangedFields(PlayerState before, java.util.List<String> args) {
    int n = 0;
    if (!global.equals(before.global)) {
      args.add(GLOBAL_FIELD);
      args.add(encode(global));
      n++;
    }
    for (Map.Entry<String, PlayerRating> e : modes.entrySet()) {
      if (!e.getValue().equals(before.modes.get(e.getKey()))) {
        args.add(MODE_FIELD_PREFIX + e.getKey());
        args.add(encode(e.getValue()));
        n++;
      }
    }
    if (!region.equals(before.region)) {
      args.add(REGION_FIELD);
      args.add(region);
      n++;
    }
    if (!platform.equals(before.platform)) {
      args.add(PLATFORM_FIELD);
      args.add(platform);
      n++;
    }
    return n;
  }

  /** Reads a player hash; {@code null} when the hash is empty (no state in that season). */
  static PlayerState fromHash(String season, String playerId, Map<String, String> h) {
    if (h == null || h.isEmpty()) {
      return null;
    }
    TreeMap<String, PlayerRating> modes = new TreeMap<>();
    for (Map.Entry<String, String> e : h.entrySet()) {
      if (e.getKey().startsWith(MODE_FIELD_PREFIX)) {
        modes.put(e.getKey().substring(MODE_FIELD_PREFIX.length()), decode(e.getValue()));
      }
    }
    return new PlayerState(
        season,
        playerId,
        decode(h.get(GLOBAL_FIELD)),
        modes,
        h.get(REGION_FIELD),
        h.get(PLATFORM_FIELD));
  }

  /**
   * {@code mu,sigma,lastActive,games,wins,losses,draws}. {@link Double#toString} is the shortest
   * decimal that parses back to the same double, so a state survives Redis bit for bit.
   */
  static String encode(PlayerRating r) {
    return r.mu()
        + ","
        + r.sigma()
        + ","
        + r.lastActiveEpochSecond()
        + ","
        + r.games()
        + ","
        + r.wins()
        + ","
        + r.losses()
        + ","
        + r.draws();
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
