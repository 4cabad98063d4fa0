# The nightly Spark jobs (batch-jobs' thin jar, Spark provided) and model training run on EMR
# Serverless; Airflow (MWAA) triggers them (orchestration/airflow/dags).
resource "aws_emrserverless_application" "batch" {
  name          = "gsm-batch-${var.environment}"
  release_label = "emr-7.9.0"
  type          = "spark"

  maximum_capacity {
    cpu    = "64 vCPU"
    memory = "512 GB"
  }

  auto_stop_configuration {
    enabled              = true
    idle_timeout_minutes = 15
  }
  tags = local.tags
}
