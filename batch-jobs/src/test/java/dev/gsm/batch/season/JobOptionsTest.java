package dev.gsm.batch.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JobOptionsTest {

  static JobOptions parse(String... args) {
    RankingsCommand command = new RankingsCommand();
    new CommandLine(command).parseArgs(args);
    return command.options();
  }

  @Test
  void argumentsBecomeTypedOptionsWithDefaults() {
    JobOptions o =
        parse(
            "--data-root", "s3a://gsm-master-dataset/prod",
            "--season", "2026-S4",
            "--watermark-offset", "1234",
            "--partitions", "8",
            "--conf", "spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000");

    assertThat(o.dataRoot()).isEqualTo("s3a://gsm-master-dataset/prod");
    assertThat(o.season()).isEqualTo("2026-S4");
    assertThat(o.watermarkOffset()).hasValue(1234);
    assertThat(o.leagues()).isEqualTo(dev.gsm.core.rating.Leagues.defaults());
    assertThat(o.master()).isEmpty();
    assertThat(o.partitions()).hasValue(8);
    assertThat(o.sparkConf())
        .containsEntry("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000");
  }

  @Test
  void aLocalFolderBecomesAFileUri() {
    JobOptions o = parse("--data-root", "data", "--season", "2026-S4");

    assertThat(o.dataRoot()).isEqualTo(Path.of("data").toAbsolutePath().toUri().toString());
    assertThat(o.watermarkOffset()).isEmpty();
  }

  @Test
  void badConfigurationFailsBeforeAnySparkWork() {
    assertThatThrownBy(() -> parse("--season", "autumn")).hasMessageContaining("--season");
    assertThatThrownBy(() -> parse("--season", "2026-S4", "--partitions", "0"))
        .hasMessageContaining("--partitions");
    assertThatThrownBy(() -> parse("--season", "2026-S4", "--watermark-offset", "-1"))
        .hasMessageContaining("--watermark-offset");
    assertThatThrownBy(() -> parse("--season", "2026-S4", "--leagues", "gold=50,silver=10"))
        .hasMessageContaining("--leagues");
    assertThatThrownBy(() -> parse("--season", "2026-S4", "--data-root", " "))
        .hasMessageContaining("--data-root");
    assertThatThrownBy(() -> parse("--data-root", "data"))
        .isInstanceOf(CommandLine.MissingParameterException.class);
  }
}
