package dev.gsm.serving.prediction;

import dev.gsm.core.prediction.MatchQualityPredictor;
import dev.gsm.serving.freshness.Freshness;
import dev.gsm.serving.freshness.FreshnessService;
import dev.gsm.serving.system.StoreCalls;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/predictions/match-quality}: win probabilities, fairness, skill compatibility
 * and engagement for two players, two teams or N free-for-all sides; {@code POST
 * /api/v1/predictions/matchmaking}: pairings or teams for a pool of waiting players that maximise
 * predicted quality. Every answer names the model version and the freshness of the ratings used.
 */
@RestController
class PredictionController {

  private final PredictionService service;
  private final FreshnessService freshness;
  private final StoreCalls calls;

  PredictionController(PredictionService service, FreshnessService freshness, StoreCalls calls) {
    this.service = service;
    this.freshness = freshness;
    this.calls = calls;
  }

  /**
   * @param season default: the calendar's current season
   * @param mode rate each player by his rating in this mode when he has one (else his global one)
   * @param ranked default true
   * @param sides player ids per side: [[a],[b]] two players, [[a,b],[c,d]] two teams, [[a],[b],[c],
   *     ...] free-for-all
   */
  record MatchQualityRequest(
      String season, String mode, Boolean ranked, List<List<String>> sides) {}

  /**
   * @param matches up to gsm.prediction.max-batch matches, each as the sides of a single request
   */
  record MatchQualityBatchRequest(
      String season, String mode, Boolean ranked, List<BatchMatch> matches) {}

  record BatchMatch(List<List<String>> sides) {}

  /**
   * @param teamSize 1 for pairings (default), up to 5 for teams
   * @param players the waiting pool
   */
  record MatchmakingRequest(
      String season, String mode, Boolean ranked, Integer teamSize, List<String> players) {}

  record PlayerAnswer(
      String playerId,
      double mu,
      double sigma,
      int games,
      boolean rated,
      String history,
      Double engagement) {}

  record SideAnswer(
      double winProbability, double engineWinProbability, List<PlayerAnswer> players) {}

  record Model(String version, String win, String engagement) {}

  /**
   * Where the features came from: ratings live from the real-time view, activity histories as of
   * the batch view's watermark ({@code none} before any view is loaded).
   */
  record Features(String ratings, String history) {}

  record MatchQualityAnswer(
      List<SideAnswer> sides,
      double fairness,
      double skillCompatibility,
      double quality,
      Model model,
      Features features,
      Freshness freshness) {}

  record PairAnswer(List<SideAnswer> sides, double fairness, double quality) {}

  record BatchPrediction(
      List<SideAnswer> sides,
      double fairness,
      double skillCompatibility,
      double quality,
      Model model) {}

  /** The matches' predictions in the order of the request, all from one read of their players. */
  record MatchQualityBatchAnswer(
      List<BatchPrediction> predictions, Features features, Freshness freshness) {}

  record MatchmakingAnswer(
      List<PairAnswer> matches,
      List<String> waiting,
      Model model,
      Features features,
      Freshness freshness) {}

  @PostMapping(
      path = "/api/v1/predictions/match-quality",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<MatchQualityAnswer> matchQuality(@RequestBody MatchQualityRequest r) {
    // Asynchronous end to end, no hop to the store pool: one Redis read, a model evaluation of a
    // microsecond, the freshness mostly from its cache (the batch and matchmaking below do more
    // work per request and run on the store pool).
    return Mono.fromCompletionStage(
        () ->
            service
                .matchQuality(r.season(), r.mode(), r.ranked() == null || r.ranked(), r.sides())
                .thenCompose(
                    q ->
                        q.basis().stamp().isEmpty()
                            ? CompletableFuture.completedFuture(answer(q, null))
                            : freshness
                                .liveAsync(q.basis().stamp().get())
                                .thenApply(f -> answer(q, f))));
  }

  private static MatchQualityAnswer answer(PredictionService.MatchQuality q, Freshness f) {
    MatchQualityPredictor.MatchOutlook o = q.outlook();
    return new MatchQualityAnswer(
        sides(q.sides(), o),
        o.fairness(),
        o.skillCompatibility(),
        o.quality(),
        model(q.basis(), o),
        features(q.basis()),
        f);
  }

  @PostMapping(
      path = "/api/v1/predictions/match-quality/batch",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Match-quality predictions for many matches at once",
      description =
          "A matchmaker's candidate matches, up to gsm.prediction.max-batch (100) of them and"
              + " gsm.prediction.max-pool (1000) distinct players: each prediction is the one"
              + " match-quality gives for the same sides, all read in one step of the live view.")
  Mono<MatchQualityBatchAnswer> matchQualityBatch(@RequestBody MatchQualityBatchRequest r) {
    return calls.call(() -> matchQualityBatchOf(r));
  }

  private MatchQualityBatchAnswer matchQualityBatchOf(MatchQualityBatchRequest r) {
    List<List<List<String>>> matches =
        r.matches() == null
            ? null
            : r.matches().stream().map(m -> m == null ? null : m.sides()).toList();
    List<PredictionService.MatchQuality> qs =
        service.matchQualities(
            r.season(), r.mode(), r.ranked() == null || r.ranked(), matches, "matches");
    List<BatchPrediction> out = new ArrayList<>(qs.size());
    for (PredictionService.MatchQuality q : qs) {
      MatchQualityPredictor.MatchOutlook o = q.outlook();
      out.add(
          new BatchPrediction(
              sides(q.sides(), o),
              o.fairness(),
              o.skillCompatibility(),
              o.quality(),
              model(q.basis(), o)));
    }
    PredictionService.Basis basis = qs.get(0).basis();
    return new MatchQualityBatchAnswer(out, features(basis), freshness(basis));
  }

  @PostMapping(
      path = "/api/v1/predictions/matchmaking",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<MatchmakingAnswer> matchmaking(@RequestBody MatchmakingRequest r) {
    return calls.call(() -> matchmakingOf(r));
  }

  private MatchmakingAnswer matchmakingOf(MatchmakingRequest r) {
    PredictionService.Matchmaking m =
        service.matchmaking(
            r.season(),
            r.mode(),
            r.ranked() == null || r.ranked(),
            r.teamSize() == null ? 1 : r.teamSize(),
            r.players());
    List<PairAnswer> out = new ArrayList<>();
    MatchQualityPredictor.MatchOutlook any = null;
    for (PredictionService.Pairing p : m.pairs()) {
      out.add(match(List.of(List.of(p.a()), List.of(p.b())), p.outlook()));
      any = p.outlook();
    }
    for (PredictionService.Teams t : m.teams()) {
      out.add(match(List.of(t.a(), t.b()), t.outlook()));
      any = t.outlook();
    }
    Model model =
        any == null ? new Model(m.basis().modelVersion(), null, null) : model(m.basis(), any);
    return new MatchmakingAnswer(
        out, m.waiting(), model, features(m.basis()), freshness(m.basis()));
  }

  private static PairAnswer match(
      List<List<PredictionService.Player>> sides, MatchQualityPredictor.MatchOutlook o) {
    return new PairAnswer(sides(sides, o), o.fairness(), o.quality());
  }

  private static List<SideAnswer> sides(
      List<List<PredictionService.Player>> sides, MatchQualityPredictor.MatchOutlook o) {
    List<SideAnswer> out = new ArrayList<>(sides.size());
    for (int s = 0; s < sides.size(); s++) {
      List<PlayerAnswer> players = new ArrayList<>();
      for (int k = 0; k < sides.get(s).size(); k++) {
        PredictionService.Player p = sides.get(s).get(k);
        players.add(
            new PlayerAnswer(
                p.playerId(),
                p.snapshot().rating().mu(),
                p.snapshot().rating().sigma(),
                p.snapshot().rating().games(),
                p.rated(),
                p.historyFromBatch() ? "batch" : "none",
                o.engagement() == null ? null : o.engagement()[s][k]));
      }
      out.add(new SideAnswer(o.winProbability()[s], o.engineWinProbability()[s], players));
    }
    return out;
  }

  private static Model model(PredictionService.Basis b, MatchQualityPredictor.MatchOutlook o) {
    boolean winModel = b.modelVersion() != null && o.winProbability().length == 2;
    return new Model(
        b.modelVersion(),
        winModel ? "calibrated-logistic" : "rating-engine",
        o.engagement() == null ? null : "calibrated-logistic");
  }

  private static Features features(PredictionService.Basis b) {
    return b.stamp()
        .map(
            s ->
                new Features(
                    "live: batch view "
                        + s.version()
                        + " plus the speed layer's matches through "
                        + s.appliedThrough(),
                    "batch view " + s.version() + " (log offsets through " + s.watermark() + ")"))
        .orElse(
            new Features("none: no real-time view yet, every player rated as a newcomer", "none"));
  }

  /** The shared freshness of a live answer; none before any real-time view exists. */
  private Freshness freshness(PredictionService.Basis b) {
    return b.stamp().map(freshness::live).orElse(null);
  }
}
