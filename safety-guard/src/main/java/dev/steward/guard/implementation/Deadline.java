package dev.steward.guard.implementation;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a check (a detector, a profiler, a backup verifier, a stamp lookup) with a time limit, so a
 * hung dependency ends in a refusal instead of a hung caller. Not public API.
 */
public final class Deadline {

  private static final ExecutorService CHECKS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "steward-guard-check");
            thread.setDaemon(true);
            return thread;
          });

  private Deadline() {}

  /**
   * Runs {@code task} on a daemon thread and waits at most {@code timeout} for it.
   *
   * @param task the check
   * @param timeout how long to wait
   * @param what what the check does, for the timeout message (for example {@code profiling source
   *     'local.db'})
   * @param <T> the result type
   * @return the task's result
   * @throws TimeoutException when the task did not finish in time (it is then interrupted)
   * @throws Exception whatever the task threw; an {@link Error} comes back wrapped in an {@link
   *     ExecutionException}, so every failure is an {@code Exception} the guard turns into a
   *     refusal
   */
  public static <T> T call(Callable<T> task, Duration timeout, String what) throws Exception {
    Future<T> future = CHECKS.submit(task);
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new TimeoutException(what + " did not finish within " + human(timeout));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw e;
    }
  }

  /**
   * A duration for people: {@code 24h}, {@code 5m}, {@code 10s}, {@code 250ms}, or a combination
   * such as {@code 1h 30m}.
   *
   * @param duration the duration
   * @return the text
   */
  public static String human(Duration duration) {
    if (duration.isNegative()) {
      return "-" + human(duration.negated());
    }
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    long seconds = duration.getSeconds();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3600;
    long minutes = seconds % 3600 / 60;
    long secs = seconds % 60;
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append("d ");
    }
    if (hours > 0) {
      text.append(hours).append("h ");
    }
    if (minutes > 0) {
      text.append(minutes).append("m ");
    }
    if (secs > 0 || text.length() == 0) {
      text.append(secs).append("s ");
    }
    return text.toString().trim();
  }
}
