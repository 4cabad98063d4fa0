package dev.gsm.train.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gsm.core.prediction.PortableModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model registry on a file system:
 *
 * <pre>
 * &lt;root&gt;/versions/&lt;V&gt;/win.json, engagement.json   the portable models (what serving loads)
 * &lt;root&gt;/versions/&lt;V&gt;/manifest.json                 data snapshot (files + SHA-256), parameters,
 *                                                   git commit, hold-out, metrics
 * &lt;root&gt;/versions/&lt;V&gt;/report.{json,html}             the evaluation report of the run
 * &lt;root&gt;/current                                     the served version (atomic rename)
 * &lt;root&gt;/promotions                                  one promoted version per line, newest last
 * </pre>
 *
 * A version is immutable once its manifest exists (written last). Rollback pops the newest
 * promotion and points {@code current} at the one before. Local paths only for now; s3a would go
 * through Hadoop's FileSystem like the batch views (see the report).
 */
public final class ModelRegistry {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  public ModelRegistry(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path versionDir(String version) {
    return root.resolve("versions").resolve(version);
  }

  /** Stores the models and, last, the manifest of a new version. */
  public void store(
      String version, PortableModel win, PortableModel engagement, ObjectNode manifest) {
    Path dir = versionDir(version);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("win.json"), win.toJson() + "\n");
      Files.writeString(dir.resolve("engagement.json"), engagement.toJson() + "\n");
      Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(manifest) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store version " + version, e);
    }
  }

  public List<String> versions() {
    Path dir = root.resolve("versions");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("manifest.json")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode manifest(String version) {
    try {
      return JSON.readTree(versionDir(version).resolve("manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("no version " + version + " in " + root, e);
    }
  }

  public PortableModel model(String version, String name) {
    try {
      return PortableModel.fromJson(Files.readString(versionDir(version).resolve(name + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException("no model " + name + " in version " + version, e);
    }
  }

  public String current() {
    Path p = root.resolve("current");
    try {
      return Files.isRegularFile(p) ? Files.readString(p).trim() : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> promotions() {
    Path p = root.resolve("promotions");
    try {
      return Files.isRegularFile(p)
          ? new ArrayList<>(Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList())
          : new ArrayList<>();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes {@code version} current (no quality check: see {@link Promotion}). */
  public void makeCurrent(String version) {
    if (!versions().contains(version)) {
      throw new IllegalArgumentException("no complete version " + version + " in " + root);
    }
    List<String> p = promotions();
    p.add(version);
    write("promotions", String.join("\n", p) + "\n");
    write("current", version + "\n");
  }

  /** Points {@code current} back at the previously promoted version; returns it. */
  public String rollback() {
    List<String> p = promotions();
    if (p.size() < 2) {
      throw new IllegalStateException("nothing to roll back to: " + p.size() + " promotion(s)");
    }
    p.remove(p.size() - 1);
    String previous = p.get(p.size() - 1);
    write("promotions", String.join("\n", p) + "\n");
    write("current", previous + "\n");
    return previous;
  }

  private void write(String name, String content) {
    try {
      Files.createDirectories(root);
      Path tmp = Files.createTempFile(root, "." + name, ".tmp");
      Files.writeString(tmp, content);
      Files.move(
          tmp,
          root.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name, e);
    }
  }
}
