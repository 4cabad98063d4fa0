variable "region" {
  description = "AWS region of every resource."
  type        = string
  default     = "eu-west-1"
}

variable "environment" {
  description = "Environment name, used in tags and resource names (e.g. prod, staging)."
  type        = string
  default     = "prod"
}

variable "private_subnet_ids" {
  description = "Private subnets for ElastiCache (two or more availability zones)."
  type        = list(string)
  default     = []
}

variable "redis_node_type" {
  description = "ElastiCache node type of the match log and real-time view."
  type        = string
  default     = "cache.r7g.large"
}

variable "model_image" {
  description = "ECR image of the model container (GET /ping, POST /invocations on 8080)."
  type        = string
  default     = "000000000000.dkr.ecr.eu-west-1.amazonaws.com/gsm-model-server:latest"
}
