package dev.gsm.train.sagemaker;

import java.util.Map;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.CreateEndpointConfigRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateEndpointRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateModelRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.S3DataDistribution;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.TrainingInstanceType;

/**
 * Launches a training job and deploys the match-quality endpoint ({@code matchmaking-model}, one
 * {@code ml.t2.medium}, as in the seed's plan). Request builders are pure functions (tested);
 * {@link #launchTraining} and {@link #deploy} make the calls.
 */
public final class SageMakerDeployment {

  /** Where things are in AWS. */
  public record Settings(
      String image, String roleArn, String dataS3Uri, String outputS3Uri, String instanceType) {}

  private final SageMakerClient client;

  public SageMakerDeployment(SageMakerClient client) {
    this.client = client;
  }

  public static CreateTrainingJobRequest trainingJob(
      String jobName, Settings s, Map<String, String> hyperParameters) {
    return CreateTrainingJobRequest.builder()
        .trainingJobName(jobName)
        .roleArn(s.roleArn())
        .algorithmSpecification(
            AlgorithmSpecification.builder()
                .trainingImage(s.image())
                .trainingInputMode(TrainingInputMode.FILE)
                .build())
        .hyperParameters(hyperParameters)
        .inputDataConfig(
            Channel.builder()
                .channelName("matches")
                .dataSource(
                    DataSource.builder()
                        .s3DataSource(
                            S3DataSource.builder()
                                .s3DataType(S3DataType.S3_PREFIX)
                                .s3Uri(s.dataS3Uri())
                                .s3DataDistributionType(S3DataDistribution.FULLY_REPLICATED)
                                .build())
                        .build())
                .build())
        .outputDataConfig(OutputDataConfig.builder().s3OutputPath(s.outputS3Uri()).build())
        .resourceConfig(
            ResourceConfig.builder()
                .instanceType(TrainingInstanceType.fromValue(s.instanceType()))
                .instanceCount(1)
                .volumeSizeInGB(30)
                .build())
        .stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(3600).build())
        .build();
  }

  public static CreateModelRequest model(String modelName, Settings s, String modelDataS3Uri) {
    return CreateModelRequest.builder()
        .modelName(modelName)
        .executionRoleArn(s.roleArn())
        .primaryContainer(
            ContainerDefinition.builder().image(s.image()).modelDataUrl(modelDataS3Uri).build())
        .build();
  }

  public static CreateEndpointConfigRequest endpointConfig(String configName, String modelName) {
    return CreateEndpointConfigRequest.builder()
        .endpointConfigName(configName)
        .productionVariants(
            ProductionVariant.builder()
                .variantName("default")
                .modelName(modelName)
                .instanceType(ProductionVariantInstanceType.ML_T2_MEDIUM)
                .initialInstanceCount(1)
                .build())
        .build();
  }

  public static CreateEndpointRequest endpoint(String endpointName, String configName) {
    return CreateEndpointRequest.builder()
        .endpointName(endpointName)
        .endpointConfigName(configName)
        .build();
  }

  public String launchTraining(String jobName, Settings s, Map<String, String> hyperParameters) {
    return client.createTrainingJob(trainingJob(jobName, s, hyperParameters)).trainingJobArn();
  }

  /** Creates model, endpoint configuration and endpoint for a version; returns the endpoint ARN. */
  public String deploy(String version, Settings s, String modelDataS3Uri, String endpointName) {
    String modelName = "gsm-match-quality-" + version;
    client.createModel(model(modelName, s, modelDataS3Uri));
    client.createEndpointConfig(endpointConfig(modelName, modelName));
    return client.createEndpoint(endpoint(endpointName, modelName)).endpointArn();
  }
}
