package dev.gsm.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * DynamoDB Local, in memory, in its own JVM and reached over HTTP like the real service. Its
 * dependencies (antlr 4.10, an old AWS SDK, Jetty 12, Mockito 1) would clash with Spark's on a
 * shared classpath; its sqlite4java native libraries come from {@code local-services}.
 */
public final class LocalDynamoDb implements AutoCloseable {

  /** DynamoDB Local accepts any credentials; the SDK still wants some. */
  public static final String ACCESS_KEY = "local";

  public static final String SECRET_KEY = "local";
  public static final String REGION = "us-east-1";

  private final LocalJavaService service;

  private LocalDynamoDb(LocalJavaService service) {
    this.service = service;
  }

  public static LocalDynamoDb start(Path workDir) throws IOException {
    workDir = workDir.toAbsolutePath();
    Path home = LocalJavaService.localServiceDir("dynamodb-local");
    int port = LocalJavaService.freePort();
    LocalJavaService service =
        LocalJavaService.start(
            "dynamodb-local",
            home.resolve("classpath.txt"),
            List.of("-Djava.library.path=" + home.resolve("native")),
            "com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
            List.of("-inMemory", "-disableTelemetry", "-port", Integer.toString(port)),
            port,
            workDir,
            Duration.ofSeconds(60));
    return new LocalDynamoDb(service);
  }

  /** The endpoint to override the SDK client's with, e.g. {@code http://127.0.0.1:40123}. */
  public String endpoint() {
    return service.endpoint();
  }

  @Override
  public void close() {
    service.close();
  }
}
