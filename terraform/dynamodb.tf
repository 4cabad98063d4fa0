# Serving store for point reads of the batch views (seed 001). Mirrors
# warehouse-schemas/generated/global-rankings.dynamodb.json; DynamoTablesTerraformTest keeps them in step.
resource "aws_dynamodb_table" "global_rankings" {
  name         = "global-rankings"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "player_id"
  range_key    = "timestamp"

  attribute {
    name = "player_id"
    type = "S"
  }

  attribute {
    name = "timestamp"
    type = "N"
  }

  attribute {
    name = "leaderboard"
    type = "S"
  }

  attribute {
    name = "rank"
    type = "N"
  }

  global_secondary_index {
    name            = "RankingIndex"
    hash_key        = "leaderboard"
    range_key       = "rank"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = local.tags
}
