package dev.gsm.serving.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gsm.realtime.LogEntry;
import dev.gsm.realtime.MatchLog;
import dev.gsm.schema.MatchJson;
import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** POST /api/v1/matches through the whole Spring MVC stack against a real Redis. */
@ExtendWith(RedisExtension.class)
@SpringBootTest(properties = "gsm.ingest.max-body-bytes=65536")
@AutoConfigureMockMvc
class IngestIT {
  static RedisEndpoint redis;

  @BeforeAll
  static void redis(RedisEndpoint endpoint) {
    redis = endpoint;
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry registry) {
    registry.add("gsm.redis.url", () -> redis.url());
    registry.add("gsm.redis.key-prefix", () -> redis.keyPrefix());
  }

  @Autowired MockMvc mvc;
  @Autowired MatchLog log;

  static String match(String id) {
    Instant end = Instant.now().minusSeconds(60);
    return """
        {"schema_version": 1, "match_id": "%s", "season": "2026-S1", "mode": "duel",
         "region": "eu-west", "platform": "pc", "started_at": "%s", "ended_at": "%s",
         "sides": [
           {"side_id": "a", "placement": 1, "players": [{"player_id": "alice"}]},
           {"side_id": "b", "placement": 2, "players": [{"player_id": "bob"}]}]}
        """
        .formatted(id, end.minusSeconds(600), end);
  }

  @Test
  void validMatchIsAppendedToTheLogBeforeThe202(RedisEndpoint unused) throws Exception {
    long head = log.head();
    mvc.perform(
            post("/api/v1/matches").contentType(MediaType.APPLICATION_JSON).content(match("ok-1")))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.match_id").value("ok-1"))
        .andExpect(jsonPath("$.log_offset").value(head + 1));
    List<LogEntry> entries = log.after(head, 10);
    assertThat(entries).hasSize(1);
    var stored = MatchJson.parse(entries.get(0).json());
    assertThat(stored.ok()).isTrue();
    assertThat(stored.event().logOffset()).isEqualTo(head + 1);
    assertThat(stored.event().acceptedAt()).isNotNull();
  }

  @Test
  void duplicateGetsTheSameAnswerAndChangesNothing() throws Exception {
    MvcResult first =
        mvc.perform(
                post("/api/v1/matches")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(match("dup-1")))
            .andExpect(status().isAccepted())
            .andReturn();
    long head = log.head();
    mvc.perform(
            post("/api/v1/matches").contentType(MediaType.APPLICATION_JSON).content(match("dup-1")))
        .andExpect(status().isAccepted())
        .andExpect(content().json(first.getResponse().getContentAsString(), true));
    assertThat(log.head()).isEqualTo(head);
  }

  @Test
  void batchIsAcceptedInRequestOrder() throws Exception {
    long head = log.head();
    mvc.perform(
            post("/api/v1/matches")
                .contentType(MediaType.APPLICATION_JSON)
                .content("[" + match("b-1") + "," + match("b-2") + "]"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.accepted[0].match_id").value("b-1"))
        .andExpect(jsonPath("$.accepted[1].log_offset").value(head + 2));
  }

  @Test
  void badMatchIs400NamingEveryBadFieldAndNothingIsAppended() throws Exception {
    long head = log.head();
    String bad =
        match("bad-1")
            .replace("\"mode\": \"duel\"", "\"mode\": \"DUEL!\"")
            .replace("\"player_id\": \"bob\"", "\"player_id\": \"\"")
            .replace("\"schema_version\": 1,", "\"schema_version\": 1, \"log_offset\": 7,");
    mvc.perform(
            post("/api/v1/matches")
                .contentType(MediaType.APPLICATION_JSON)
                .content("[" + match("bad-0") + "," + bad + "]"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[?(@.field == '[1].log_offset')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == '[1].mode')]").exists())
        .andExpect(
            jsonPath("$.errors[?(@.field == '[1].sides[1].players[0].player_id')]").exists());
    assertThat(log.head()).isEqualTo(head);
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    String big = "[" + (match("big") + ",").repeat(200) + match("big-last") + "]";
    mvc.perform(post("/api/v1/matches").contentType(MediaType.APPLICATION_JSON).content(big))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.limit").value(65536));
  }

  @Test
  void batchOverTheMatchLimitIs413() throws Exception {
    String many = "[" + "{},".repeat(MatchLog.MAX_BATCH) + "{}]";
    mvc.perform(post("/api/v1/matches").contentType(MediaType.APPLICATION_JSON).content(many))
        .andExpect(status().isPayloadTooLarge());
  }

  @Test
  void wrongMediaTypeIs415() throws Exception {
    mvc.perform(post("/api/v1/matches").contentType(MediaType.TEXT_PLAIN).content(match("t-1")))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
