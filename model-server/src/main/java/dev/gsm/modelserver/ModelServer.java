package dev.gsm.modelserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gsm.core.prediction.PortableModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The model container's server, honouring SageMaker's hosting contract: {@code GET /ping} answers
 * 200 once the models are loaded, {@code POST /invocations} scores JSON, on port 8080 unless told
 * otherwise. Models are the registry's portable JSON files ({@code win.json}, {@code
 * engagement.json}) in the model directory SageMaker unpacks ({@code /opt/ml/model}). Only the JDK
 * and domain-core's evaluator: no Spark on this path.
 *
 * <p>Request: {@code {"model": "win", "instances": [[x1, x2, ...], ...]}}; response: {@code
 * {"model": "win", "predictions": [p, ...]}}; errors are 400 with {@code {"error": ...}}.
 */
public final class ModelServer implements AutoCloseable {

  public static final int DEFAULT_PORT = 8080;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, PortableModel> models;
  private final HttpServer server;

  private ModelServer(Map<String, PortableModel> models, HttpServer server) {
    this.models = models;
    this.server = server;
  }

  /** Loads every {@code *.json} model of {@code modelDir} and starts serving on {@code port}. */
  public static ModelServer start(Path modelDir, String host, int port) throws IOException {
    Map<String, PortableModel> models = new LinkedHashMap<>();
    for (String name : new String[] {"win", "engagement"}) {
      Path f = modelDir.resolve(name + ".json");
      if (Files.isRegularFile(f)) {
        models.put(name, PortableModel.fromJson(Files.readString(f)));
      }
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no win.json or engagement.json in " + modelDir);
    }
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
    ModelServer s = new ModelServer(models, http);
    http.createContext("/ping", s::ping);
    http.createContext("/invocations", s::invocations);
    // The runtime API path (POST /endpoints/{name}/invocations, what InvokeEndpoint sends): in AWS
    // SageMaker's front end turns it into /invocations; locally the server answers it itself, so
    // the SDK's SageMakerRuntimeClient can be pointed straight at the container.
    http.createContext(
        "/endpoints/",
        ex -> {
          if (ex.getRequestURI().getPath().endsWith("/invocations")) {
            s.invocations(ex);
          } else {
            respond(ex, 404, error("no such path"));
          }
        });
    http.setExecutor(
        Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors())));
    http.start();
    return s;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void ping(HttpExchange ex) throws IOException {
    respond(ex, "GET".equals(ex.getRequestMethod()) ? 200 : 405, "{\"status\":\"ok\"}");
  }

  private void invocations(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      respond(ex, 405, error("POST only"));
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(ex.getRequestBody().readAllBytes());
    } catch (IOException e) {
      respond(ex, 400, error("body is not JSON: " + e.getMessage()));
      return;
    }
    String name = body.path("model").asText("win");
    PortableModel model = models.get(name);
    if (model == null) {
      respond(ex, 400, error("unknown model '" + name + "', loaded: " + models.keySet()));
      return;
    }
    JsonNode instances = body.path("instances");
    ObjectNode out = JSON.createObjectNode().put("model", name);
    ArrayNode preds = out.putArray("predictions");
    try {
      for (JsonNode inst : instances) {
        double[] x = new double[inst.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = inst.get(i).asDouble();
        }
        preds.add(model.predict(x));
      }
    } catch (IllegalArgumentException e) {
      respond(ex, 400, error(e.getMessage()));
      return;
    }
    respond(ex, 200, JSON.writeValueAsString(out));
  }

  private static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  private static void respond(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The container's entry point: {@code serve} as SageMaker runs it. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(System.getenv().getOrDefault("SM_MODEL_DIR", "/opt/ml/model"));
    int port =
        Integer.parseInt(
            System.getenv().getOrDefault("SAGEMAKER_BIND_TO_PORT", Integer.toString(DEFAULT_PORT)));
    ModelServer s = start(dir, "0.0.0.0", port);
    System.err.println("gsm model server on port " + s.port() + " with " + s.models.keySet());
  }
}
