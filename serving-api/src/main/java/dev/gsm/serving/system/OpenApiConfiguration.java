package dev.gsm.serving.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header (/v3/api-docs, Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI gsmOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("gsm serving API")
                .version("v1")
                .description(
                    "Match ingest, leaderboards, player pages and a live rank stream, merged from"
                        + " the batch views and the real-time view. Every answer carries its"
                        + " freshness; errors are RFC 9457 problem details."));
  }
}
