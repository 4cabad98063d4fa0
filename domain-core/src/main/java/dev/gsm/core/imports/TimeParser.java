package dev.gsm.core.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/** Parses the time cell of an import row into an instant. */
@FunctionalInterface
interface TimeParser {

  /** Throws {@link DateTimeException} (or {@link NumberFormatException}) on a bad value. */
  Instant parse(String text);

  static TimeParser of(String format, ZoneId zone) {
    return switch (format) {
      case "iso" ->
          text -> {
            try {
              return Instant.parse(text);
            } catch (DateTimeException e) {
              return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
          };
      case "epoch-seconds" -> text -> Instant.ofEpochSecond(Long.parseLong(text));
      case "epoch-millis" -> text -> Instant.ofEpochMilli(Long.parseLong(text));
      default -> {
        DateTimeFormatter f;
        try {
          f = DateTimeFormatter.ofPattern(format);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "'" + format + "' is not iso, epoch-seconds, epoch-millis or a date pattern", e);
        }
        yield text -> {
          TemporalAccessor t =
              f.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
          if (t instanceof ZonedDateTime z) {
            return z.toInstant();
          }
          if (t instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
          }
          return ((LocalDate) t).atStartOfDay(zone).toInstant();
        };
      }
    };
  }
}
