package dev.gsm.testing;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Gives a test a real Redis, the same way in every module:
 * {@code @ExtendWith(RedisExtension.class)} and a {@link RedisEndpoint} parameter. In order of
 * preference:
 *
 * <ol>
 *   <li>{@code REDIS_URL} if set (CI or a developer's own server; keep to {@link
 *       RedisEndpoint#keyPrefix()});
 *   <li>a {@code redis-server} binary ({@code $REDIS_SERVER} or the PATH), started on a free port;
 *   <li>Testcontainers ({@code redis:7-alpine}) when a Docker engine answers;
 *   <li>otherwise the test fails with an explanation. It is never skipped silently: a test that
 *       claims Redis must run against Redis.
 * </ol>
 *
 * One server serves the whole JVM (test run); it stops when the run ends.
 */
public final class RedisExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(RedisExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RedisEndpoint.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Server server =
        context
            .getRoot()
            .getStore(NS)
            .getOrComputeIfAbsent("server", key -> startServer(), Server.class);
    String prefix =
        "test:"
            + context.getRequiredTestClass().getSimpleName()
            + ":"
            + ProcessHandle.current().pid()
            + ":"
            + Long.toHexString(System.nanoTime())
            + ":";
    return new RedisEndpoint(server.host, server.port, server.source, prefix);
  }

  private static Server startServer() {
    String url = System.getenv("REDIS_URL");
    if (url != null && !url.isBlank()) {
      URI uri = URI.create(url);
      return new Server(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), "REDIS_URL", null);
    }
    Optional<java.nio.file.Path> binary = LocalRedisServer.findBinary();
    if (binary.isPresent()) {
      try {
        LocalRedisServer local = LocalRedisServer.start(binary.get());
        return new Server("127.0.0.1", local.port(), "redis-server", local::close);
      } catch (IOException e) {
        throw new ParameterResolutionException(
            "could not start " + binary.get() + ": " + e.getMessage(), e);
      }
    }
    if (dockerAvailable()) {
      GenericContainer<?> container =
          new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
      container.start();
      return new Server(
          container.getHost(), container.getMappedPort(6379), "testcontainers", container::stop);
    }
    throw new ParameterResolutionException(
        "this test needs a real Redis: set REDIS_URL, install redis-server (apt-get install"
            + " redis-server, or set REDIS_SERVER to its path), or run a Docker engine for"
            + " Testcontainers");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static final class Server implements ExtensionContext.Store.CloseableResource {
    final String host;
    final int port;
    final String source;
    private final Runnable stop;

    Server(String host, int port, String source, Runnable stop) {
      this.host = host;
      this.port = port;
      this.source = source;
      this.stop = stop;
    }

    @Override
    public void close() {
      if (stop != null) {
        stop.run();
      }
    }
  }
}
