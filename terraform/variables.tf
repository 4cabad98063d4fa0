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
