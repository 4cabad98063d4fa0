package dev.gsm.modelserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/** Scores feature vectors on a SageMaker endpoint running {@link ModelServer}. */
public final class SageMakerPredictor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SageMakerRuntimeClient runtime;
  private final String endpointName;

  public SageMakerPredictor(SageMakerRuntimeClient runtime, String endpointName) {
    this.runtime = runtime;
    this.endpointName = endpointName;
  }

  public static InvokeEndpointRequest request(
      String endpointName, String model, double[][] instances) {
    ObjectNode body = JSON.createObjectNode().put("model", model);
    ArrayNode arr = body.putArray("instances");
    for (double[] x : instances) {
      ArrayNode row = arr.addArray();
      for (double v : x) {
        row.add(v);
      }
    }
    return InvokeEndpointRequest.builder()
        .endpointName(endpointName)
        .contentType("application/json")
        .accept("application/json")
        .body(SdkBytes.fromUtf8String(body.toString()))
        .build();
  }

  public double[] predict(String model, double[][] instances) {
    InvokeEndpointResponse r = runtime.invokeEndpoint(request(endpointName, model, instances));
    try {
      JsonNode preds = JSON.readTree(r.body().asUtf8String()).get("predictions");
      double[] out = new double[preds.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = preds.get(i).asDouble();
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("endpoint " + endpointName + " answered no JSON", e);
    }
  }
}
