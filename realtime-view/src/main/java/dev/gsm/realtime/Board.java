package dev.gsm.realtime;

import java.util.Objects;

/**
 * One leaderboard of a season. {@link Kind#GLOBAL} and {@link Kind#MODE} rank their own rating (the
 * global rating over every rated match; one rating per mode over that mode's matches); {@link
 * Kind#REGION} and {@link Kind#PLATFORM} rank the global rating of the players whose primary region
 * or platform of the season (most rated matches there, ties to the smaller code) is the value.
 */
public record Board(Kind kind, String value) {

  public enum Kind {
    GLOBAL,
    MODE,
    REGION,
    PLATFORM
  }

  public Board {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.GLOBAL) {
      value = "";
    } else {
      Objects.requireNonNull(value, "value");
    }
  }

  public static Board global() {
    return new Board(Kind.GLOBAL, "");
  }

  public static Board mode(String mode) {
    return new Board(Kind.MODE, mode);
  }

  public static Board region(String region) {
    return new Board(Kind.REGION, region);
  }

  public static Board platform(String platform) {
    return new Board(Kind.PLATFORM, platform);
  }

  /** The board of a key suffix ({@link #suffix()}'s inverse). */
  public static Board parse(String suffix) {
    if (suffix.equals("global")) {
      return global();
    }
    int colon = suffix.indexOf(':');
    if (colon > 0) {
      String value = suffix.substring(colon + 1);
      switch (suffix.substring(0, colon)) {
        case "mode":
          return mode(value);
        case "region":
          return region(value);
        case "platform":
          return platform(value);
        default:
          break;
      }
    }
    throw new IllegalArgumentException("not a board: " + suffix);
  }

  /** The key suffix: global, mode:&lt;m&gt;, region:&lt;r&gt;, platform:&lt;p&gt;. */
  public String suffix() {
    return switch (kind) {
      case GLOBAL -> "global";
      case MODE -> "mode:" + value;
      case REGION -> "region:" + value;
      case PLATFORM -> "platform:" + value;
    };
  }
}
