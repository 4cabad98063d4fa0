package dev.gsm.realtime;

import java.util.Map;

/**
 * Players of a season in the current generation with their activity histories ({@code
 * PlayerHistory.export} as of the generation's batch view), what they were read from, and the match
 * log's head at that moment (lag = head - applied-through).
 */
public record PlayerSnapshots(
    Stamp stamp, Map<String, PlayerState> states, Map<String, byte[]> histories) {

  public PlayerSnapshots {
    states = Map.copyOf(states);
    histories = Map.copyOf(histories);
  }
}
