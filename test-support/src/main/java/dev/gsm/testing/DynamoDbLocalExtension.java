package dev.gsm.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a real DynamoDB API: {@code @ExtendWith(DynamoDbLocalExtension.class)} and a {@link
 * DynamoDbEndpoint} parameter. One in-memory DynamoDB Local process serves the whole test JVM.
 */
public final class DynamoDbLocalExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DynamoDbEndpoint.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalDynamoDb db =
        context
            .getRoot()
            .getStore(NS)
            .getOrComputeIfAbsent("server", key -> start(), Server.class)
            .db;
    return new DynamoDbEndpoint(
        db.endpoint(), LocalDynamoDb.ACCESS_KEY, LocalDynamoDb.SECRET_KEY, LocalDynamoDb.REGION);
  }

  private static Server start() {
    try {
      return new Server(LocalDynamoDb.start(Path.of("target", "local-services", "dynamodb-local")));
    } catch (IOException e) {
      throw new ParameterResolutionException(
          "could not start DynamoDB Local: " + e.getMessage(), e);
    }
  }

  private record Server(LocalDynamoDb db)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      db.close();
    }
  }
}
