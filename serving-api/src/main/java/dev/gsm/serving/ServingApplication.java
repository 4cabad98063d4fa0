package dev.gsm.serving;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The serving API: ingest today; leaderboards, players and predictions join as features. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ServingApplication {
  public static void main(String[] args) {
    SpringApplication.run(ServingApplication.class, args);
  }
}
