package dev.gsm.realtime;

import java.util.List;

/** A page of a board of the current generation, and what it was built from. */
public record BoardPage(Stamp stamp, long total, List<BoardRow> rows) {}
