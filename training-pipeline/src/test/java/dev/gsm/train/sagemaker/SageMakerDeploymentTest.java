package dev.gsm.train.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;

class SageMakerDeploymentTest {

  @Test
  void deploymentRequestsFollowTheSeedsPlan() {
    var s =
        new SageMakerDeployment.Settings(
            "123.dkr.ecr.eu-west-1.amazonaws.com/gsm:1",
            "arn:aws:iam::123:role/sagemaker-execution",
            "s3://b/gsm/matches/",
            "s3://b/gsm/models/",
            "ml.m5.large");
    assertThat(
            SageMakerDeployment.endpointConfig("cfg", "m")
                .productionVariants()
                .get(0)
                .instanceType())
        .isEqualTo(ProductionVariantInstanceType.ML_T2_MEDIUM);
    var job =
        SageMakerDeployment.trainingJob("gsm-train-1", s, Map.of("engagement-window-days", "3"));
    assertThat(job.inputDataConfig().get(0).dataSource().s3DataSource().s3Uri())
        .isEqualTo("s3://b/gsm/matches/");
    assertThat(job.resourceConfig().instanceTypeAsString()).isEqualTo("ml.m5.large");
    assertThat(
            SageMakerDeployment.model("m", s, "s3://b/gsm/models/v1/model.tar.gz")
                .primaryContainer()
                .modelDataUrl())
        .endsWith("model.tar.gz");
  }
}
