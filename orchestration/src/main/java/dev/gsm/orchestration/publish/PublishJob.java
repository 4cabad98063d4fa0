package dev.gsm.orchestration.publish;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.realtime.Generation;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.store.GlobalRankingsTable;
import dev.gsm.store.GlobalRankingsTable.RankingItem;
import dev.gsm.store.GlobalRankingsTable.WriteStats;
import dev.gsm.store.PlayerProfilesTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.ItemWriter;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The publish step of the batch layer as a Spring Batch job: one checked version of the {@code
 * leaderboards} view into the serving stores.
 *
 * <ol>
 *   <li>{@code dynamodb}: the global board, chunk by chunk, into {@code global-rankings} (one item
 *       per player under the version's generation, leaderboard {@code <season>#global#<version>})
 *       through {@link GlobalRankingsTable}'s batch writes with backoff. The reader's position is
 *       committed with each chunk, so a restart continues after the last committed chunk.
 *   <li>{@code redis}: every player state of the season into a new generation of the real-time view
 *       through {@link RealtimeView#loadGeneration}, which marks it ready for the speed layer's
 *       hand-over, with every player's activity history as of the watermark ({@link
 *       FeatureHistories}, the history features of predictions). That API loads a generation in one
 *       go: a failed load is redone whole on restart (the half-loaded generation is dropped by the
 *       next load), never half-counted.
 * </ol>
 *
 * With {@link Profiles}, before the Redis step: every board's rows ({@code profiles-boards}), the
 * daily rank history ({@code profiles-history}) and the insights ({@code profiles-insights}, when
 * the run wrote that view) into {@code player-profiles}, chunk by chunk and restartable like the
 * DynamoDB step, then the season's pointer to this version ({@code profiles-season}).
 *
 * <p>The identifying job parameters are the data root, season and version, so running the same
 * publish again after a failure is a restart of the same job instance (see {@code JobStore}).
 */
public final class PublishJob {

  public static final String NAME = "publish";
  public static final String DYNAMODB_STEP = "dynamodb";
  public static final String REDIS_STEP = "redis";
  public static final String PROFILE_BOARDS_STEP = "profiles-boards";
  public static final String PROFILE_HISTORY_STEP = "profiles-history";
  public static final String PROFILE_INSIGHTS_STEP = "profiles-insights";
  public static final String PROFILE_SEASON_STEP = "profiles-season";

  /**
   * What the publish writes beyond the current season's rankings.
   *
   * @param table where the player details go ({@code player-profiles})
   * @param history the same run's {@code rank-history} version, when the batch wrote one
   * @param insights the {@code insights} version built from this run (the insights job's own
   *     version, {@link ViewVersions#insightsOf}), when it exists
   * @param previousSeason the previous season's published {@code leaderboards} version: its players
   *     go into the Redis generation too, because the speed layer's cross-season rule starts a
   *     player's first match of a season (or of a mode in it) from the soft reset of the previous
   *     season's rating (realtime-view/REDIS.md)
   */
  public record Profiles(
      PlayerProfilesTable table,
      Optional<ViewVersion> history,
      Optional<ViewVersion> insights,
      Optional<ViewVersion> previousSeason) {

    /** The table, with the run's other views and the previous season's current version. */
    public static Profiles of(
        PlayerProfilesTable table,
        ViewVersions versions,
        ViewVersion v,
        dev.gsm.core.season.SeasonCalendar calendar) {
      return new Profiles(
          table,
          versions.sibling(ProfileRows.RANK_HISTORY, v),
          versions.sibling(ProfileRows.INSIGHTS, v).or(() -> versions.insightsOf(v)),
          versions.currentRun(calendar.previous(v.season())));
    }
  }

  /**
   * Seams for tests that make a step fail mid-way; production uses {@link #none()}.
   *
   * @param dynamoWriter wraps the DynamoDB chunk writer
   * @param redisPlayers wraps the player states handed to the Redis load
   */
  public record Hooks(
      UnaryOperator<ItemWriter<RankingItem>> dynamoWriter,
      UnaryOperator<Iterable<PlayerState>> redisPlayers) {
    public static Hooks none() {
      return new Hooks(w -> w, p -> p);
    }
  }

  /** Counters of this process's run (a restart counts only what it did itself). */
  public static final class Progress {
    public final AtomicLong itemsWritten = new AtomicLong();
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong retries = new AtomicLong();
    public final AtomicLong chunks = new AtomicLong();
    public final AtomicLong profileItemsWritten = new AtomicLong();
    public volatile Generation generation;
    public final AtomicLong histories = new AtomicLong();

    /** Where to report progress (every 20 chunks), or null. */
    public volatile java.io.PrintStream log;
  }

  private final JobRepository repository;
  private final PlatformTransactionManager tx;
  private final ViewVersion version;
  private final Configuration conf;
  private final GlobalRankingsTable table;
  private final RealtimeView realtime;
  private final int chunkSize;
  private final Hooks hooks;
  private final Profiles profiles;
  private final Progress progress = new Progress();

  public PublishJob(
      JobRepository repository,
      PlatformTransactionManager tx,
      ViewVersion version,
      Configuration conf,
      GlobalRankingsTable table,
      RealtimeView realtime,
      int chunkSize,
      Hooks hooks) {
    this(repository, tx, version, conf, table, realtime, chunkSize, hooks, null);
  }

  /**
   * @param profiles where the player details go; {@code null} publishes the rankings and the
   *     real-time view only
   */
  public PublishJob(
      JobRepository repository,
      PlatformTransactionManager tx,
      ViewVersion version,
      Configuration conf,
      GlobalRankingsTable table,
      RealtimeView realtime,
      int chunkSize,
      Hooks hooks,
      Profiles profiles) {
    if (chunkSize < 1 || chunkSize > 10_000) {
      throw new IllegalArgumentException("chunk size must be in [1, 10000], was " + chunkSize);
    }
    this.repository = repository;
    this.tx = tx;
    this.version = Objects.requireNonNull(version, "version");
    this.conf = conf;
    this.table = table;
    this.realtime = realtime;
    this.chunkSize = chunkSize;
    this.hooks = hooks;
    this.profiles = profiles;
  }

  public Progress progress() {
    return progress;
  }

  public static JobParameters parameters(String dataRoot, ViewVersion v) {
    return new JobParametersBuilder()
        .addString("data_root", dataRoot)
        .addString("season", v.season())
        .addString("version", v.version())
        .toJobParameters();
  }

  public Job job() {
    if (profiles == null) {
      return new JobBuilder(NAME, repository).start(dynamoStep()).next(redisStep()).build();
    }
    // The season's pointer is written last: readers of past seasons see a version only whole.
    var flow =
        new JobBuilder(NAME, repository)
            .start(dynamoStep())
            .next(
                profileStep(
                    PROFILE_BOARDS_STEP,
                    new ViewRows<>("profile-boards", () -> ProfileRows.boards(version, conf))));
    if (profiles.history().isPresent()) {
      ViewVersion h = profiles.history().get();
      flow =
          flow.next(
              profileStep(
                  PROFILE_HISTORY_STEP,
                  new ViewRows<>("profile-history", () -> ProfileRows.history(version, h, conf))));
    }
    if (profiles.insights().isPresent()) {
      ViewVersion i = profiles.insights().get();
      flow =
          flow.next(
              profileStep(
                  PROFILE_INSIGHTS_STEP,
                  new ViewRows<>(
                      "profile-insights", () -> ProfileRows.insights(version, i, conf))));
    }
    return flow.next(seasonStep()).next(redisStep()).build();
  }

  private <T extends PlayerProfilesTable.Entry> Step profileStep(String name, ViewRows<T> reader) {
    return new StepBuilder(name, repository)
        .<T, T>chunk(chunkSize, tx)
        .reader(reader)
        .writer(
            chunk -> {
              WriteStats s = profiles.table().write(List.copyOf(chunk.getItems()));
              progress.profileItemsWritten.addAndGet(chunk.size());
              progress.requests.addAndGet(s.requests());
              progress.retries.addAndGet(s.retries());
            })
        .build();
  }

  private Step seasonStep() {
    Tasklet name =
        (contribution, context) -> {
          TreeSet<String> boards = new TreeSet<>();
          try (ViewFiles<String> files =
              new ViewFiles<>(version.files(), conf, g -> g.getString("board", 0), b -> true)) {
            files.rows().forEach(boards::add);
          }
          profiles
              .table()
              .publishSeason(
                  new PlayerProfilesTable.SeasonEntry(
                      version.season(),
                      version.version(),
                      version.watermarkOffset(),
                      version.generation(),
                      java.time.Instant.now(),
                      List.copyOf(boards)));
          return RepeatStatus.FINISHED;
        };
    return new StepBuilder(PROFILE_SEASON_STEP, repository).tasklet(name, tx).build();
  }

  Step dynamoStep() {
    return new StepBuilder(DYNAMODB_STEP, repository)
        .<LeaderboardRow, RankingItem>chunk(chunkSize, tx)
        .reader(
            new ViewRows<>(
                "global-rows",
                () -> new LeaderboardFiles(version.files(), conf, LeaderboardRow::global)))
        .processor(toItem(version))
        .writer(hooks.dynamoWriter().apply(this::writeChunk))
        .build();
  }

  private void writeChunk(org.springframework.batch.item.Chunk<? extends RankingItem> chunk) {
    WriteStats s = table.write(java.util.List.copyOf(chunk.getItems()));
    progress.itemsWritten.addAndGet(chunk.size());
    progress.requests.addAndGet(s.requests());
    progress.retries.addAndGet(s.retries());
    long chunks = progress.chunks.incrementAndGet();
    java.io.PrintStream log = progress.log;
    if (log != null && chunks % 20 == 0) {
      log.printf(
          "  dynamodb: %,d items written in this run (%,d chunks, %,d resends)%n",
          progress.itemsWritten.get(), chunks, progress.retries.get());
    }
  }

  Step redisStep() {
    Tasklet load =
        (contribution, context) -> {
          Iterable<PlayerState> current = playerStates(version, conf);
          Iterable<PlayerState> all =
              profiles == null || profiles.previousSeason().isEmpty()
                  ? current
                  : concat(playerStates(profiles.previousSeason().get(), conf), current);
          Iterable<PlayerState> players = hooks.redisPlayers().apply(all);
          String dataRoot = (String) context.getStepContext().getJobParameters().get("data_root");
          Map<String, byte[]> histories =
              FeatureHistories.compute(
                  dataRoot,
                  version.season(),
                  version.watermarkOffset(),
                  conf,
                  RatingParameters.defaults());
          Generation g =
              realtime.loadGeneration(
                  version.version(), version.watermarkOffset(), players, histories);
          progress.histories.set(histories.size());
          progress.generation = g;
          context
              .getStepContext()
              .getStepExecution()
              .getExecutionContext()
              .putLong("generation", g.id());
          return RepeatStatus.FINISHED;
        };
    return new StepBuilder(REDIS_STEP, repository).tasklet(load, tx).build();
  }

  static ItemProcessor<LeaderboardRow, RankingItem> toItem(ViewVersion v) {
    String leaderboard =
        GlobalRankingsTable.leaderboardKey(v.season(), LeaderboardRow.GLOBAL, v.version());
    long generation = v.generation();
    return r ->
        new RankingItem(
            r.playerId(),
            generation,
            leaderboard,
            r.rank(),
            r.displayScore(),
            r.mu(),
            r.sigma(),
            r.games(),
            r.wins(),
            r.losses(),
            r.draws(),
            r.percentile(),
            r.league(),
            r.primaryRegion(),
            r.primaryPlatform(),
            v.watermarkOffset());
  }

  /**
   * The season's player states as the real-time view holds them: the global rating, one rating per
   * mode board the player is on, and the player's rated matches per region and platform (whose
   * primaries are the view's primary region and platform). Two passes over the files: the mode
   * boards first (kept in memory, one small map per player), then the global board streamed.
   */
  static Iterable<PlayerState> playerStates(ViewVersion v, Configuration conf) {
    Map<String, SortedMap<String, PlayerRating>> modes = new HashMap<>();
    try (LeaderboardFiles files =
        new LeaderboardFiles(
            v.files(), conf, r -> r.board().startsWith(LeaderboardRow.MODE_PREFIX))) {
      for (LeaderboardRow r : files.rows()) {
        modes
            .computeIfAbsent(r.playerId(), k -> new TreeMap<>())
            .put(r.board().substring(LeaderboardRow.MODE_PREFIX.length()), rating(r));
      }
    }
    return () -> {
      LeaderboardFiles global = new LeaderboardFiles(v.files(), conf, LeaderboardRow::global);
      java.util.Iterator<LeaderboardRow> rows = global.rows().iterator();
      return new java.util.Iterator<>() {
        @Override
        public boolean hasNext() {
          boolean more = rows.hasNext();
          if (!more) {
            global.close();
          }
          return more;
        }

        @Override
        public PlayerState next() {
          LeaderboardRow r = rows.next();
          SortedMap<String, PlayerRating> m = modes.getOrDefault(r.playerId(), new TreeMap<>());
          return r.regionMatches().isEmpty() // a view written before the counts
              ? new PlayerState(
                  r.season(), r.playerId(), rating(r), m, r.primaryRegion(), r.primaryPlatform())
              : new PlayerState(
                  r.season(), r.playerId(), rating(r), m, r.regionMatches(), r.platformMatches());
        }
      };
    };
  }

  private static <T> Iterable<T> concat(Iterable<T> a, Iterable<T> b) {
    return () ->
        new java.util.Iterator<>() {
          final java.util.Iterator<T> first = a.iterator();
          java.util.Iterator<T> second;

          @Override
          public boolean hasNext() {
            if (first.hasNext()) {
              return true;
            }
            if (second == null) {
              second = b.iterator();
            }
            return second.hasNext();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            return second == null ? first.next() : second.next();
          }
        };
  }

  /**
   * The view's row as the engine's rating. {@code games} is the board's season games, the games
   * that the view's rank key uses, so the Redis board orders players exactly as the view ranks
   * them.
   */
  static PlayerRating rating(LeaderboardRow r) {
    return new PlayerRating(
        r.mu(), r.sigma(), r.lastPlayedEpochSecond(), r.games(), r.wins(), r.losses(), r.draws());
  }
}
