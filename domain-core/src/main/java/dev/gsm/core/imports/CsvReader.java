package dev.gsm.core.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, optional double quotes around a field, {@code
 * ""} for a quote inside a quoted field, line breaks inside quotes, and CRLF or LF line ends. A
 * leading byte-order mark is skipped. Lenient where the RFC is silent: a quote inside an unquoted
 * field is kept as a character, and characters after a closing quote are appended to the field.
 *
 * <p>Not thread-safe. Buffer the {@link Reader} yourself only if it is not already buffered; this
 * class reads in blocks.
 */
public final class CsvReader implements AutoCloseable {

  /** A record that cannot be read: the rest of the input is unusable (an unclosed quote). */
  public static final class MalformedCsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;

    MalformedCsvException(long line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }

    public long line() {
      return line;
    }
  }

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private long recordLine;
  private boolean first = true;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The 1-based line on which the last record returned by {@link #next()} started. */
  public long recordLine() {
    return recordLine;
  }

  /** The next record, or {@code null} at the end of the input. A blank line is one empty field. */
  public List<String> next() throws IOException {
    int c = read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.length() == 0) {
        c = quoted(field);
      }
      if (c < 0 || c == '\n' || c == '\r') {
        fields.add(field.toString());
        if (c == '\r') {
          c = read();
          if (c != '\n' && c >= 0) {
            pos--;
          }
        }
        line++;
        return fields;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  /** Reads a quoted field's body; returns the character after the closing quote. */
  private int quoted(StringBuilder field) throws IOException {
    long started = line;
    while (true) {
      int c = read();
      if (c < 0) {
        throw new MalformedCsvException(started, "quoted field is never closed");
      }
      if (c == '"') {
        int n = read();
        if (n == '"') {
          field.append('"');
          continue;
        }
        return n;
      }
      if (c == '\n') {
        line++;
      }
      field.append((char) c);
    }
  }

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
