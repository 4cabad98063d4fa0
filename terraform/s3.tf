# The data lake: the immutable master dataset, versioned batch views, the model registry and the
# audit archive. Versioning protects the append-only datasets from accidental overwrite; the
# master dataset is never expired.
locals {
  buckets = {
    master = "gsm-master-dataset-${var.environment}"
    views  = "gsm-batch-views-${var.environment}"
    models = "gsm-model-registry-${var.environment}"
    audit  = "gsm-audit-logs-${var.environment}"
  }
}

resource "aws_s3_bucket" "data" {
  for_each = local.buckets
  bucket   = each.value
  tags     = local.tags
}

resource "aws_s3_bucket_versioning" "data" {
  for_each = aws_s3_bucket.data
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  for_each = aws_s3_bucket.data
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  for_each                = aws_s3_bucket.data
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Old view versions stay readable for rollback and past seasons, then move to cheaper storage.
resource "aws_s3_bucket_lifecycle_configuration" "views" {
  bucket = aws_s3_bucket.data["views"].id
  rule {
    id     = "old-versions-to-infrequent-access"
    status = "Enabled"
    filter {}
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
  }
}
