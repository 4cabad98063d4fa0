CREATE TABLE IF NOT EXISTS matches (
  schema_version INT,
  match_id STRING,
  mode STRING,
  region STRING,
  platform STRING,
  started_at TIMESTAMP,
  ended_at TIMESTAMP,
  sides ARRAY<STRUCT<side_id: STRING, placement: INT, players: ARRAY<STRUCT<player_id: STRING, stats: STRUCT<score: BIGINT, kills: INT, deaths: INT, assists: INT, damage_dealt: BIGINT, damage_taken: BIGINT, healing: BIGINT, objectives: INT, seconds_played: INT>>>>>,
  abandoned BOOLEAN,
  ranked BOOLEAN,
  accepted_at TIMESTAMP,
  log_offset BIGINT,
  season STRING,
  date DATE
)
USING PARQUET
PARTITIONED BY (season, date)
LOCATION 's3a://gsm-master-dataset/matches/';
