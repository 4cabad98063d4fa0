package dev.gsm.orchestration.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.explore.support.JobExplorerFactoryBean;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.JobRestartException;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The persistent Spring Batch job repository: an embedded H2 file database (by default {@code <data
 * root>/_orchestration/jobrepo}), so that a job started again with the same identifying parameters
 * after a failure or a killed process continues where it stopped: completed steps are skipped, a
 * chunked step resumes after its last committed chunk.
 *
 * <p>H2 locks the database file: two processes cannot run jobs on one repository at the same time.
 * A process that was killed leaves its execution marked as running; {@link #run} finds such an
 * execution by the launching process id (a non-identifying parameter), marks it failed and restarts
 * it.
 */
public final class JobStore implements AutoCloseable {

  /** Non-identifying parameter: the id of the process that launched the execution. */
  public static final String PID = "launcher_pid";

  private final Path directory;
  private final JdbcConnectionPool pool;
  private final JdbcTransactionManager tx;
  private final JobRepository repository;
  private final JobExplorer explorer;
  private final TaskExecutorJobLauncher launcher;

  private JobStore(Path directory, JdbcConnectionPool pool) throws Exception {
    this.directory = directory;
    this.pool = pool;
    this.tx = new JdbcTransactionManager(pool);
    JobRepositoryFactoryBean repo = new JobRepositoryFactoryBean();
    repo.setDataSource(pool);
    repo.setTransactionManager(tx);
    repo.setDatabaseType("H2");
    repo.afterPropertiesSet();
    this.repository = repo.getObject();
    JobExplorerFactoryBean exp = new JobExplorerFactoryBean();
    exp.setDataSource(pool);
    exp.setTransactionManager(tx);
    exp.afterPropertiesSet();
    this.explorer = exp.getObject();
    this.launcher = new TaskExecutorJobLauncher();
    launcher.setJobRepository(repository);
    launcher.afterPropertiesSet();
  }

  /** Opens (creating if needed) the repository in {@code directory}. */
  public static JobStore open(Path directory) {
    try {
      Files.createDirectories(directory);
      String url =
          "jdbc:h2:file:" + directory.toAbsolutePath().resolve("jobrepo") + ";DB_CLOSE_DELAY=0";
      JdbcConnectionPool pool = JdbcConnectionPool.create(url, "gsm", "");
      createSchemaIfMissing(pool);
      return new JobStore(directory, pool);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot open the job repository in " + directory, e);
    }
  }

  /** The default place: {@code <root>/_orchestration} for a local data root. */
  public static Path defaultDirectory(String dataRoot) {
    if (dataRoot.startsWith("file:")) {
      return Path.of(java.net.URI.create(dataRoot)).resolve("_orchestration");
    }
    if (dataRoot.matches("^[a-z0-9]+://.*")) {
      throw new IllegalArgumentException(
          "the data root " + dataRoot + " is not local: give the job repository with --job-repo");
    }
    return Path.of(dataRoot).toAbsolutePath().resolve("_orchestration");
  }

  private static void createSchemaIfMissing(JdbcConnectionPool pool) throws SQLException {
    try (Connection c = pool.getConnection();
        ResultSet t = c.getMetaData().getTables(null, null, "BATCH_JOB_INSTANCE", null)) {
      if (t.next()) {
        return;
      }
    }
    new ResourceDatabasePopulator(
            new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
        .execute(pool);
  }

  public JobRepository repository() {
    return repository;
  }

  public JobExplorer explorer() {
    return explorer;
  }

  public PlatformTransactionManager transactionManager() {
    return tx;
  }

  public org.springframework.batch.core.launch.JobLauncher launcher() {
    return launcher;
  }

  public Path directory() {
    return directory;
  }

  /**
   * Runs a job: a new instance for new identifying parameters, else a restart of the failed (or
   * killed) last execution; an instance that completed is not run again.
   *
   * @throws JobInstanceAlreadyCompleteException when the instance completed before
   */
  public JobExecution run(Job job, JobParameters identifying)
      throws JobInstanceAlreadyCompleteException {
    failExecutionsOfDeadProcesses(job.getName(), identifying);
    JobParameters params =
        new JobParametersBuilder(identifying)
            .addLong(PID, ProcessHandle.current().pid(), false)
            .toJobParameters();
    try {
      return launcher.run(job, params);
    } catch (JobExecutionAlreadyRunningException e) {
      throw new IllegalStateException(
          "job " + job.getName() + " " + identifying + " is running in another process", e);
    } catch (JobRestartException | org.springframework.batch.core.JobParametersInvalidException e) {
      throw new IllegalStateException("cannot start job " + job.getName(), e);
    }
  }

  /** Executions of this instance still marked running whose launching process is gone. */
  public void failExecutionsOfDeadProcesses(String jobName, JobParameters identifying) {
    JobInstance instance = repository.getJobInstance(jobName, identifying);
    if (instance == null) {
      return;
    }
    List<JobExecution> executions = explorer.getJobExecutions(instance);
    for (JobExecution e : executions) {
      if (!e.isRunning()) {
        continue;
      }
      Long pid = e.getJobParameters().getLong(PID);
      boolean alive =
          pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      if (alive) {
        continue;
      }
      LocalDateTime now = LocalDateTime.now();
      for (StepExecution s : e.getStepExecutions()) {
        if (s.getStatus().isRunning()) {
          s.setStatus(BatchStatus.FAILED);
          s.setExitStatus(ExitStatus.FAILED.addExitDescription("launching process died"));
          s.setEndTime(now);
          repository.update(s);
        }
      }
      e.setStatus(BatchStatus.FAILED);
      e.setExitStatus(ExitStatus.FAILED.addExitDescription("launching process " + pid + " died"));
      e.setEndTime(now);
      repository.update(e);
    }
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
