package dev.gsm.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * s3proxy (the S3 API over an in-memory blob store) in its own JVM. It cannot share one with Spark:
 * its Jetty 12 and servlet 6 clash with Spark's. Buckets and objects vanish when it stops.
 */
public final class LocalS3Proxy implements AutoCloseable {

  public static final String ACCESS_KEY = "local-access-key";
  public static final String SECRET_KEY = "local-secret-key";
  public static final String REGION = "us-east-1";

  private final LocalJavaService service;

  private LocalS3Proxy(LocalJavaService service) {
    this.service = service;
  }

  /** Starts s3proxy with the classpath that {@code local-services/s3proxy} resolved. */
  public static LocalS3Proxy start(Path workDir) throws IOException {
    workDir = workDir.toAbsolutePath();
    Path home = LocalJavaService.localServiceDir("s3proxy");
    int port = LocalJavaService.freePort();
    Files.createDirectories(workDir);
    Path properties = workDir.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=transient-nio2",
            "jclouds.identity=" + ACCESS_KEY,
            "jclouds.credential=" + SECRET_KEY,
            ""));
    // Without a configuration logback logs everything at DEBUG: hundreds of thousands of lines
    // per test run, and a slower server.
    Path logback = workDir.resolve("logback.xml");
    Files.writeString(
        logback,
        "<configuration><appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">"
            + "<encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder></appender>"
            + "<root level=\"WARN\"><appender-ref ref=\"out\"/></root></configuration>\n");
    LocalJavaService service =
        LocalJavaService.start(
            "s3proxy",
            home.resolve("classpath.txt"),
            List.of("-Dlogback.configurationFile=" + logback),
            "org.gaul.s3proxy.Main",
            List.of("--properties", properties.toString()),
            port,
            workDir,
            Duration.ofSeconds(60));
    return new LocalS3Proxy(service);
  }

  public S3Endpoint endpoint() {
    return new S3Endpoint(service.endpoint(), ACCESS_KEY, SECRET_KEY, REGION);
  }

  @Override
  public void close() {
    service.close();
  }
}
