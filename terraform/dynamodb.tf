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

# The batch view's player details (rank history, stats, insights) and every board of every
# published season, for point reads and pages of past seasons. Mirrors
# warehouse-schemas/generated/player-profiles.dynamodb.json; DynamoTablesTerraformTest keeps them in
# step. Versions are part of the range key: a newer view never overwrites an older one.
resource "aws_dynamodb_table" "player_profiles" {
  name         = "player-profiles"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "player_id"
  range_key    = "entry"

  attribute {
    name = "player_id"
    type = "S"
  }

  attribute {
    name = "entry"
    type = "S"
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
    name            = "BoardIndex"
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
