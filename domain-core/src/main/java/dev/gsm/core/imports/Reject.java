package dev.gsm.core.imports;

/**
 * One input row that was not imported.
 *
 * @param file the input file
 * @param line the 1-based line the row starts on
 * @param reason why it was set aside
 * @param detail the offending value or the validator's words
 */
public record Reject(String file, long line, RejectReason reason, String detail) {

  public static final String CSV_HEADER = "file,line,reason,detail";

  /** The reject as a CSV line (RFC 4180 quoting), without the line break. */
  public String toCsv() {
    return quote(file) + "," + line + "," + reason.code() + "," + quote(detail);
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
