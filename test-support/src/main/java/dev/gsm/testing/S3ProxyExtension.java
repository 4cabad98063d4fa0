package dev.gsm.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a real S3 API: {@code @ExtendWith(S3ProxyExtension.class)} and an {@link S3Endpoint}
 * parameter. One s3proxy process serves the whole test JVM and stops when the run ends; tests keep
 * to their own buckets. Its log is under {@code target/local-services/}.
 */
public final class S3ProxyExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(S3ProxyExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == S3Endpoint.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent("server", key -> start(), Server.class)
        .proxy
        .endpoint();
  }

  private static Server start() {
    try {
      return new Server(LocalS3Proxy.start(Path.of("target", "local-services", "s3proxy")));
    } catch (IOException e) {
      throw new ParameterResolutionException("could not start s3proxy: " + e.getMessage(), e);
    }
  }

  private record Server(LocalS3Proxy proxy)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      proxy.close();
    }
  }
}
