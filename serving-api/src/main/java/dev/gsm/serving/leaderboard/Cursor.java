package dev.gsm.serving.leaderboard;

import dev.gsm.serving.system.BadQueryException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor: which season, board and league it pages, and where the next page
 * starts. It pins the board, not a snapshot: between two pages live matches can move players, so a
 * player may appear twice or be skipped across pages (each page is one consistent read).
 */
record Cursor(String season, String board, String league, long offset, int limit) {
  private static final String VERSION = "c1";

  String encode() {
    String raw =
        String.join(
            "\n",
            VERSION,
            season,
            board,
            league == null ? "" : league,
            Long.toString(offset),
            Integer.toString(limit));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static Cursor decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] f = raw.split("\n", -1);
      if (f.length != 6 || !f[0].equals(VERSION)) {
        throw new IllegalArgumentException("unknown cursor form");
      }
      return new Cursor(
          f[1], f[2], f[3].isEmpty() ? null : f[3], Long.parseLong(f[4]), Integer.parseInt(f[5]));
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("cursor", "not a cursor of this API: " + e.getMessage());
    }
  }
}
