package dev.gsm.realtime;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A Lua script from this package's resources, run by EVALSHA with a fallback to EVAL. */
final class LuaScript {
  private final String name;
  private final String body;
  private final String sha;

  private LuaScript(String name, String body) {
    this.name = name;
    this.body = body;
    this.sha = sha1(body);
  }

  static LuaScript load(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + name);
      }
      return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script " + name, e);
    }
  }

  <T> T run(
      RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
    try {
      return redis.evalsha(sha, type, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(body, type, keys, args);
    }
  }

  /**
   * {@link #run} without waiting. When the server does not know the script (NOSCRIPT), it is sent
   * again as EVAL from the reply's callback; replies come in command order, so scripts sent in a
   * row still run in that order.
   */
  <T> CompletableFuture<T> runAsync(
      RedisAsyncCommands<String, String> redis,
      ScriptOutputType type,
      String[] keys,
      String... args) {
    CompletableFuture<T> first = redis.<T>evalsha(sha, type, keys, args).toCompletableFuture();
    return first.exceptionallyCompose(
        e -> {
          Throwable cause =
              e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
          if (cause instanceof RedisNoScriptException) {
            return redis.<T>eval(body, type, keys, args).toCompletableFuture();
          }
          return CompletableFuture.failedFuture(cause);
        });
  }

  @Override
  public String toString() {
    return name;
  }

  private static String sha1(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
