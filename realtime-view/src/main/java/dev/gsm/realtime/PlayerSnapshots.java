package dev.gsm.realtime;

import java.util.Map;

/**
 * Players of a season in the current generation with their activity histories ({@code
 * PlayerHistory.export} as of the generation's batch view), and what they were read from.
 */
public record PlayerSnapshots(
    Stamp stamp, Map<String, PlayerState> states, Map<String, byte[]> histories) {

  public PlayerSnapshots {
    states = Map.copyOf(states);
    histories = Map.copyOf(histories);
  }
}
