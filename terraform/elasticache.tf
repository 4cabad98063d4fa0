# Redis for the match log (Streams), the real-time view and rate-limit buckets. Multi-AZ with
# automatic failover; AOF is not offered by ElastiCache, so durability of accepted matches rests on
# replication (see realtime-view/REDIS.md) and the archiver's prompt commits to S3.
resource "aws_elasticache_subnet_group" "game_cache" {
  name       = "gsm-${var.environment}"
  subnet_ids = var.private_subnet_ids
}

resource "aws_elasticache_replication_group" "game_cache" {
  replication_group_id       = "gsm-${var.environment}"
  description                = "gsm match log and real-time view"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = var.redis_node_type
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  subnet_group_name          = aws_elasticache_subnet_group.game_cache.name
  parameter_group_name       = "default.redis7"
  snapshot_retention_limit   = 7
  tags                       = local.tags
}
