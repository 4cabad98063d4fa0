package dev.gsm.train.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gsm.train.data.TrainingInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/** Where the matches come from: the master dataset or ATP CSVs, recorded in the manifest. */
final class DataSource {
  @Option(names = "--data-root", description = "Master dataset root (path or URI).")
  String dataRoot;

  @Option(names = "--season", description = "Season(s) to read (default: every season).")
  List<String> seasons = new ArrayList<>();

  @Option(names = "--atp", description = "ATP folder: tour-level singles, read in place.")
  Path atp;

  @Option(
      names = "--from-year",
      defaultValue = "1991",
      description = "First ATP year (default: ${DEFAULT-VALUE}).")
  int fromYear;

  @Option(
      names = "--to-year",
      defaultValue = "2024",
      description = "Last ATP year (default: ${DEFAULT-VALUE}).")
  int toYear;

  boolean given() {
    return dataRoot != null || atp != null;
  }

  TrainingInput read() {
    if ((dataRoot == null) == (atp == null)) {
      throw new IllegalArgumentException("give exactly one of --data-root and --atp");
    }
    return dataRoot != null
        ? TrainingInput.fromDataset(dataRoot, seasons, new Configuration())
        : TrainingInput.fromAtp(atp, fromYear, toYear);
  }

  void describe(ObjectNode n) {
    if (dataRoot != null) {
      n.put("data_root", dataRoot);
      seasons.forEach(n.putArray("seasons")::add);
    } else {
      n.put("atp", atp.toString());
      n.put("from_year", fromYear);
      n.put("to_year", toYear);
    }
  }

  static DataSource of(JsonNode n) {
    DataSource d = new DataSource();
    if (n.has("data_root")) {
      d.dataRoot = n.get("data_root").asText();
      n.path("seasons").forEach(s -> d.seasons.add(s.asText()));
    } else {
      d.atp = Path.of(n.get("atp").asText());
      d.fromYear = n.get("from_year").asInt();
      d.toYear = n.get("to_year").asInt();
    }
    return d;
  }
}
