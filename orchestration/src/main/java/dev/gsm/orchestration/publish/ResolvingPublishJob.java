package dev.gsm.orchestration.publish;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;

/**
 * The publish job before its version is known: resolved and checked when an execution starts, from
 * the execution's {@code season} and {@code version} parameters. The nightly flow's last step
 * launches it after the rankings step has written the version (see {@code NightlyJob}).
 */
public final class ResolvingPublishJob implements Job {

  private final ViewVersions versions;
  private final Function<ViewVersion, PublishJob> build;

  public ResolvingPublishJob(ViewVersions versions, Function<ViewVersion, PublishJob> build) {
    this.versions = versions;
    this.build = build;
  }

  @Override
  public String getName() {
    return PublishJob.NAME;
  }

  @Override
  public void execute(JobExecution execution) {
    var params = execution.getJobParameters();
    ViewVersion v =
        versions.resolve(
            params.getString("season"), Optional.ofNullable(params.getString("version")));
    build.apply(v).job().execute(execution);
  }
}
