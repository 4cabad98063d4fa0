package dev.gsm.train.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gsm.core.prediction.PortableModel;
import dev.gsm.train.model.LogisticTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

  @TempDir Path dir;

  static PortableModel model(String name, double w) {
    return new PortableModel(
        name, List.of("x"), new double[] {0}, new double[] {1}, new double[] {w}, 0, 1, 0);
  }

  static List<LogisticTrainer.Example> data() {
    Random r = new Random(1);
    List<LogisticTrainer.Example> out = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double x = r.nextGaussian();
      out.add(
          new LogisticTrainer.Example(
              i, new double[] {x}, r.nextDouble() < 1 / (1 + Math.exp(-2 * x))));
    }
    return out;
  }

  @Test
  void aWorseCandidateIsNotPromotedAndABetterOneIs() {
    List<LogisticTrainer.Example> d = data();
    Promotion.Decision worse =
        Promotion.decide(
            model("win", 0.2),
            model("engagement", 2),
            model("win", 2),
            model("engagement", 2),
            d,
            d);
    assertThat(worse.promote()).isFalse();
    assertThat(worse.reason()).contains("win log-loss");
    Promotion.Decision equal =
        Promotion.decide(
            model("win", 2), model("engagement", 2), model("win", 2), model("engagement", 2), d, d);
    assertThat(equal.promote()).isTrue();
    // a refit of the same data differs in the last bits; that is not a worse model
    Promotion.Decision twin =
        Promotion.decide(
            model("win", 2),
            model("engagement", 2 + 1e-7),
            model("win", 2),
            model("engagement", 2),
            d,
            d);
    assertThat(twin.candidate().get(1).logLoss())
        .isGreaterThan(twin.current().get(1).logLoss())
        .isLessThan(twin.current().get(1).logLoss() + Promotion.TOLERANCE);
    assertThat(twin.promote()).isTrue();
  }

  @Test
  void rollbackRestoresThePreviouslyPromotedVersionInOneStep() {
    ModelRegistry reg = new ModelRegistry(dir);
    ObjectNode manifest = ModelRegistry.JSON.createObjectNode().put("note", "test");
    reg.store("v1", model("win", 1), model("engagement", 1), manifest);
    reg.store("v2", model("win", 2), model("engagement", 2), manifest);
    reg.makeCurrent("v1");
    reg.makeCurrent("v2");
    assertThat(reg.current()).isEqualTo("v2");
    assertThat(reg.rollback()).isEqualTo("v1");
    assertThat(reg.current()).isEqualTo("v1");
    assertThat(reg.model("v1", "win").coefficients()).containsExactly(1.0);
    assertThatThrownBy(reg::rollback).hasMessageContaining("nothing to roll back");
  }

  @Test
  void aVersionWithoutManifestCannotBecomeCurrent() {
    ModelRegistry reg = new ModelRegistry(dir);
    assertThatThrownBy(() -> reg.makeCurrent("v9")).hasMessageContaining("no complete version");
  }
}
