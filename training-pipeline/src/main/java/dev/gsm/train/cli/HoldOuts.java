package dev.gsm.train.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.train.data.TrainingInput;
import dev.gsm.train.model.LogisticTrainer;
import dev.gsm.train.model.Split;
import dev.gsm.train.model.TrainingRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Rebuilds a version's hold-out from its data snapshot, checking the snapshot is unchanged. */
final class HoldOuts {
  private HoldOuts() {}

  static TrainingRun.Prepared prepare(DataSource source, JsonNode manifest) {
    TrainingInput input = source.read();
    if (manifest.has("input_files")) {
      JsonNode files = manifest.get("input_files");
      boolean same = files.size() == input.files().size();
      for (int i = 0; same && i < files.size(); i++) {
        same = files.get(i).get("sha256").asText().equals(input.files().get(i).sha256());
      }
      if (!same) {
        GsmTrainCli.PROGRESS.println(
            "warning: the data differs from the version's snapshot; scoring on the data as it is now");
      }
    }
    JsonNode o = manifest.get("parameters");
    TrainingRun.Options options =
        new TrainingRun.Options(
            Duration.ofSeconds(o.get("engagement_window_seconds").asLong()),
            o.get("engagement_sample").asDouble(),
            // versions trained before the cap existed kept every sampled appearance
            o.path("max_engagement_examples").asLong(Long.MAX_VALUE),
            o.get("train_share").asDouble(),
            o.get("validation_share").asDouble(),
            o.get("reg_param").asDouble(),
            o.get("partitions").asInt(),
            o.path("min_games_to_train").asInt(10));
    return new TrainingRun(null, RatingParameters.defaults(), options, null, GsmTrainCli.PROGRESS)
        .prepare(input.events());
  }

  static List<LogisticTrainer.Example> test(Map<Split.Part, List<LogisticTrainer.Example>> m) {
    return m.get(Split.Part.TEST);
  }

  static double[] column(Map<Split.Part, List<LogisticTrainer.Example>> m) {
    return test(m).stream().mapToDouble(e -> e.x()[0]).toArray();
  }
}
