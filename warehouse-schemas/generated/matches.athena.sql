CREATE EXTERNAL TABLE IF NOT EXISTS `gsm`.`matches` (
  `schema_version` int COMMENT 'schema version the event was written with',
  `match_id` string COMMENT 'unique id of the match; the idempotency key',
  `mode` string COMMENT 'game mode, e.g. duel, 5v5, battle_royale',
  `region` string COMMENT 'server region, e.g. eu-west',
  `platform` string COMMENT 'client platform, e.g. pc, playstation, mobile',
  `started_at` timestamp COMMENT 'when the match started (UTC, ISO-8601)',
  `ended_at` timestamp COMMENT 'when the match ended (UTC, ISO-8601); its date partitions',
  `sides` array<struct<side_id:string,placement:int,players:array<struct<player_id:string,stats:struct<score:bigint,kills:int,deaths:int,assists:int,damage_dealt:bigint,damage_taken:bigint,healing:bigint,objectives:int,seconds_played:int>>>>> COMMENT 'two or more sides',
  `abandoned` boolean COMMENT 'the match ended early; recorded, never rated',
  `ranked` boolean COMMENT 'false for a casual match; recorded, never rated',
  `accepted_at` timestamp COMMENT 'when the ingest API accepted the match; set by the server',
  `log_offset` bigint COMMENT 'position in the match log (acceptance order); set by the server, 0 for history'
)
PARTITIONED BY (`season` string, `date` string)
STORED AS PARQUET
LOCATION 's3://gsm-master-dataset/matches/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.season.type' = 'injected',
  'projection.date.type' = 'date',
  'projection.date.format' = 'yyyy-MM-dd',
  'projection.date.range' = '2020-01-01,NOW',
  'storage.location.template' = 's3://gsm-master-dataset/matches/season=${season}/date=${date}/'
);
