package dev.gsm.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Makes DynamoDB Local behave like a table under pressure, which it never is by itself. The first
 * {@code refuse} BatchWriteItem calls are sent to a table that does not exist (so nothing is
 * written) and answered with DynamoDB's own {@code ProvisionedThroughputExceededException} error
 * body, which the SDK turns into the real exception; the next {@code partial} calls send only the
 * first half of their items and return the other half as {@code UnprocessedItems}, as DynamoDB does
 * when it takes part of a batch.
 */
final class ThrottlingDynamoDb implements ExecutionInterceptor {

  private static final ExecutionAttribute<String> MODE = new ExecutionAttribute<>("gsm.throttle");
  private static final ExecutionAttribute<Map<String, List<WriteRequest>>> HELD =
      new ExecutionAttribute<>("gsm.held");
  private static final String NOWHERE = "gsm-throttled-nowhere";

  private int refuse;
  private int partial;
  private int refused;
  private int heldBack;

  ThrottlingDynamoDb(int refuse, int partial) {
    this.refuse = refuse;
    this.partial = partial;
  }

  synchronized int refused() {
    return refused;
  }

  synchronized int heldBack() {
    return heldBack;
  }

  @Override
  public synchronized SdkRequest modifyRequest(
      Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof BatchWriteItemRequest request)) {
      return context.request();
    }
    if (refuse > 0) {
      refuse--;
      refused++;
      attributes.putAttribute(MODE, "refuse");
      Map<String, List<WriteRequest>> nowhere = new HashMap<>();
      request.requestItems().values().forEach(v -> nowhere.put(NOWHERE, v));
      return request.toBuilder().requestItems(nowhere).build();
    }
    if (partial > 0) {
      partial--;
      Map<String, List<WriteRequest>> sent = new HashMap<>();
      Map<String, List<WriteRequest>> held = new HashMap<>();
      request
          .requestItems()
          .forEach(
              (table, writes) -> {
                int half = Math.max(1, writes.size() / 2);
                sent.put(table, writes.subList(0, half));
                if (half < writes.size()) {
                  held.put(table, new ArrayList<>(writes.subList(half, writes.size())));
                  heldBack += writes.size() - half;
                }
              });
      attributes.putAttribute(MODE, "partial");
      attributes.putAttribute(HELD, held);
      return request.toBuilder().requestItems(sent).build();
    }
    return request;
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!"refuse".equals(attributes.getAttribute(MODE))) {
      return context.httpResponse();
    }
    return context.httpResponse().toBuilder()
        .statusCode(400)
        .putHeader("x-amzn-ErrorType", "ProvisionedThroughputExceededException")
        .build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!"refuse".equals(attributes.getAttribute(MODE))) {
      return context.responseBody();
    }
    String body =
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
            + "\"message\":\"The level of configured provisioned throughput for the table was"
            + " exceeded.\"}";
    return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    Map<String, List<WriteRequest>> held = attributes.getAttribute(HELD);
    if (held == null
        || held.isEmpty()
        || !(context.response() instanceof BatchWriteItemResponse response)) {
      return context.response();
    }
    Map<String, List<WriteRequest>> unprocessed = new HashMap<>();
    if (response.hasUnprocessedItems()) {
      response.unprocessedItems().forEach((t, w) -> unprocessed.put(t, new ArrayList<>(w)));
    }
    held.forEach((t, w) -> unprocessed.computeIfAbsent(t, k -> new ArrayList<>()).addAll(w));
    return response.toBuilder().unprocessedItems(unprocessed).build();
  }
}
