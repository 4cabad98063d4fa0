# The match-quality model: trained by training-pipeline, served by the model container that
# honours SageMaker's contract (GET /ping, POST /invocations on 8080).
resource "aws_iam_role" "sagemaker_execution" {
  name = "gsm-sagemaker-execution-${var.environment}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy" "sagemaker_models" {
  name = "model-registry-access"
  role = aws_iam_role.sagemaker_execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
      Resource = [aws_s3_bucket.data["models"].arn, "${aws_s3_bucket.data["models"].arn}/*"]
    }]
  })
}

resource "aws_sagemaker_model" "match_quality" {
  name               = "gsm-match-quality-${var.environment}"
  execution_role_arn = aws_iam_role.sagemaker_execution.arn
  primary_container {
    image          = var.model_image
    model_data_url = "s3://${aws_s3_bucket.data["models"].id}/match-quality/current/model.tar.gz"
  }
  tags = local.tags
}

resource "aws_sagemaker_endpoint_configuration" "matchmaking" {
  name = "gsm-matchmaking-${var.environment}"
  production_variants {
    variant_name           = "default"
    model_name             = aws_sagemaker_model.match_quality.name
    instance_type          = "ml.t2.medium"
    initial_instance_count = 1
  }
  tags = local.tags
}

resource "aws_sagemaker_endpoint" "matchmaking" {
  name                 = "gsm-matchmaking-${var.environment}"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.matchmaking.name
  tags                 = local.tags
}
