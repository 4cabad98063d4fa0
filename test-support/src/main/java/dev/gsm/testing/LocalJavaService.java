package dev.gsm.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java server run as its own process ({@code java -cp <classpath> <main>}) on a free loopback
 * port, stopped on {@link #close()} or when the JVM exits. Services whose libraries clash with the
 * test's own classpath (s3proxy's Jetty 12 and DynamoDB Local's antlr next to Spark) run this way;
 * their classpaths are resolved at build time by the {@code local-services} modules.
 */
public final class LocalJavaService implements AutoCloseable {

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private LocalJavaService(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code mainClass} with the classpath read from {@code classpathFile}, serving on {@code
   * port} (see {@link #freePort()}). Returns once an HTTP request to the port gets any answer.
   */
  public static LocalJavaService start(
      String name,
      Path classpathFile,
      List<String> jvmArgs,
      String mainClass,
      List<String> args,
      int port,
      Path workDir,
      Duration startTimeout)
      throws IOException {
    if (!Files.isRegularFile(classpathFile)) {
      throw new IOException(
          name
              + ": no classpath file at "
              + classpathFile
              + " (it is written by the build of local-services; run mvn from the project root)");
    }
    Files.createDirectories(workDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(Files.readString(classpathFile).trim());
    command.add(mainClass);
    command.addAll(args);
    Path log = workDir.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LocalJavaService service = new LocalJavaService(name, process, port, log);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, name + "-stop"));
    service.awaitHttp(startTimeout);
    return service;
  }

  public int port() {
    return port;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  private void awaitHttp(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            name + " exited with code " + process.exitValue() + " before it answered; see " + log);
      }
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(endpoint()).toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        c.getResponseCode();
        c.disconnect();
        return;
      } catch (IOException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + name, e);
      }
    }
    close();
    throw new IOException(name + " did not answer within " + timeout + "; see " + log, last);
  }

  /** A loopback port free at the time of the call. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /**
   * The build output of a {@code local-services} child module: {@code $gsm.local-services/<module>}
   * when that system property is set (the build sets it), else found by walking up from the working
   * directory.
   */
  static Path localServiceDir(String module) throws IOException {
    String explicit = System.getProperty("gsm.local-services");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit, module, "target").toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("local-services").resolve(module).resolve("target");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IOException(
        "cannot find local-services/" + module + "/target: build the project from its root");
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
