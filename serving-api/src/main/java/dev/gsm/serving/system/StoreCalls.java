package dev.gsm.serving.system;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the features' store work off the event loop. The API serves from Reactor Netty's few event
 * loop threads (one per core), which must never wait; the services speak to Redis through Lettuce's
 * synchronous API, to DynamoDB and to SageMaker through the AWS SDK's synchronous clients, so each
 * request's service call runs on this bounded pool ({@value #THREADS} threads, the answer's JSON is
 * then written on the event loop again). A busy pool queues, up to {@value #QUEUE} calls a thread;
 * beyond that a call fails at once instead of piling up. The single match-quality prediction is the
 * exception: it reads Redis asynchronously and needs no pool thread.
 */
@Component
public class StoreCalls {
  static final int THREADS = 32;
  static final int QUEUE = 10_000;

  private final Scheduler scheduler =
      Schedulers.newBoundedElastic(THREADS, QUEUE, "store-call", 60, true);

  /** The value of {@code call}, computed on the store pool; empty if it returns null. */
  public <T> Mono<T> call(Callable<T> call) {
    return Mono.fromCallable(call).subscribeOn(scheduler);
  }

  /** The store pool as an executor, for blocking work chained to an asynchronous read. */
  public Executor executor() {
    return scheduler::schedule;
  }

  /** Runs {@code task} on the store pool, without waiting for it. */
  public void run(Runnable task) {
    scheduler.schedule(task);
  }

  @PreDestroy
  void stop() {
    scheduler.dispose();
  }
}
