package dev.gsm.batch.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hadoop settings that point s3a at an S3-compatible endpoint other than AWS (s3proxy, MinIO):
 * path-style addressing, static credentials, plain HTTP when the endpoint says so. On AWS none of
 * this is needed: s3a finds the region and the instance's credentials itself.
 */
public final class S3a {

  private S3a() {}

  /** The settings as Hadoop keys ({@code fs.s3a.*}). */
  public static Map<String, String> endpoint(
      String endpoint, String region, String accessKey, String secretKey) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("fs.s3a.endpoint", endpoint);
    conf.put("fs.s3a.endpoint.region", region);
    conf.put("fs.s3a.path.style.access", "true");
    conf.put("fs.s3a.connection.ssl.enabled", Boolean.toString(endpoint.startsWith("https:")));
    conf.put(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.put("fs.s3a.access.key", accessKey);
    conf.put("fs.s3a.secret.key", secretKey);
    return conf;
  }

  /** The same settings as Spark configuration ({@code spark.hadoop.fs.s3a.*}). */
  public static Map<String, String> asSparkConf(Map<String, String> hadoopConf) {
    Map<String, String> conf = new LinkedHashMap<>();
    hadoopConf.forEach((k, v) -> conf.put("spark.hadoop." + k, v));
    return conf;
  }
}
