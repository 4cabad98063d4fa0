package dev.gsm.batch.season;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.batch.MatchFixtures;
import dev.gsm.batch.spark.S3a;
import dev.gsm.batch.views.ViewManifest;
import dev.gsm.batch.views.ViewStore;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.spark.SharedSparkSession;
import dev.gsm.testing.S3Endpoint;
import dev.gsm.testing.S3ProxyExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The s3a code path against a real S3 API: s3proxy in its own process, Spark local here, s3a with
 * an endpoint override, path-style addressing and static credentials.
 */
@ExtendWith(S3ProxyExtension.class)
class S3aIT extends SharedSparkSession {

  static final String BUCKET = "gsm-it";

  @Test
  void readsASeasonFromS3ThroughS3aAndPublishesAViewVersionBackToIt(S3Endpoint s3) {
    try (S3Client client = client(s3)) {
      client.createBucket(b -> b.bucket(BUCKET));
      S3a.endpoint(s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey())
          .forEach((k, v) -> spark.sparkContext().hadoopConfiguration().set(k, v));
      String root = "s3a://" + BUCKET + "/gsm";
      List<Row> rows = new ArrayList<>(MatchFixtures.withDuplicates());
      rows.addAll(MatchFixtures.dirtyRows());
      MatchFixtures.write(spark, root, rows);

      SeasonBatchJob.RunResult result =
          SeasonBatchJob.run(
              spark,
              JobOptions.of(root, MatchFixtures.SEASON),
              Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC));

      ViewManifest m = result.manifest();
      System.out.println("s3a run timings (ms): " + m.timingsMillis());
      assertThat(m.counts())
          .containsEntry("read", 40L)
          .containsEntry("rejected", 7L)
          .containsEntry("accepted", 30L);
      assertThat(m.inputs())
          .isNotEmpty()
          .allSatisfy(
              f -> {
                assertThat(f.path()).startsWith(root + "/matches/season=2026-S4/date=");
                assertThat(f.etag()).isNotBlank();
              });

      // What a reader of the bucket sees, through the S3 API itself.
      String pointer =
          client
              .getObjectAsBytes(b -> b.bucket(BUCKET).key("gsm/views/_current/season=2026-S4"))
              .asString(StandardCharsets.UTF_8);
      assertThat(pointer.trim()).isEqualTo(result.version());
      List<String> keys =
          client
              .listObjectsV2(
                  b ->
                      b.bucket(BUCKET)
                          .prefix("gsm/views/season-activity/version=" + result.version()))
              .contents()
              .stream()
              .map(S3Object::key)
              .toList();
      assertThat(keys).anyMatch(k -> k.endsWith("/" + ViewManifest.FILE_NAME));
      assertThat(keys).anyMatch(k -> k.endsWith(".parquet"));

      ViewStore store = ViewStore.of(spark, new DatasetLayout(root));
      assertThat(store.readCurrent(spark, "season-activity", "2026-S4").count()).isEqualTo(6);
      assertThat(store.manifest("season-activity", result.version()).orElseThrow().files())
          .isEqualTo(m.files());
    }
  }

  static S3Client client(S3Endpoint s3) {
    return S3Client.builder()
        .endpointOverride(URI.create(s3.endpoint()))
        .region(Region.of(s3.region()))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
        .build();
  }
}
