# WAF in front of the serving API (seed 001): a per-IP rate limit before requests reach the
# application's own token buckets; and CloudTrail into the audit bucket.
resource "aws_wafv2_web_acl" "game_api" {
  name        = "gsm-game-api-${var.environment}"
  description = "WAF rules for the gsm serving API"
  scope       = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "RateLimit"
    priority = 1
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = 2000
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "RateLimit"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "gsm-game-api"
    sampled_requests_enabled   = true
  }
  tags = local.tags
}

resource "aws_s3_bucket_policy" "audit" {
  bucket = aws_s3_bucket.data["audit"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "CloudTrailAclCheck"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:GetBucketAcl"
        Resource  = aws_s3_bucket.data["audit"].arn
      },
      {
        Sid       = "CloudTrailWrite"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.data["audit"].arn}/cloudtrail/*"
        Condition = { StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control" } }
      }
    ]
  })
}

resource "aws_cloudtrail" "game_audit" {
  name                          = "gsm-audit-${var.environment}"
  s3_bucket_name                = aws_s3_bucket.data["audit"].id
  s3_key_prefix                 = "cloudtrail"
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = true

  event_selector {
    read_write_type           = "All"
    include_management_events = true
  }
  depends_on = [aws_s3_bucket_policy.audit]
  tags       = local.tags
}
