package dev.steward.cli.governance;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.StewardHome;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.connection.FileConnectionRegistry;
import dev.steward.governance.extract.ExtractionJob;
import dev.steward.governance.extract.FileCheckpointStore;
import dev.steward.governance.schedule.FileScheduleStore;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.MisfirePolicy;
import dev.steward.governance.schedule.Schedule;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code steward schedule}: scheduled extractions, kept in HOME/schedules.json. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Schedule catalogue extractions. Schedules live in HOME/schedules.json; 'schedule run' runs"
          + " them in the foreground (changes made while it runs apply when it restarts)."
    },
    subcommands = {
      ScheduleCommand.Add.class,
      ScheduleCommand.ListSchedules.class,
      ScheduleCommand.Cancel.class,
      ScheduleCommand.StopAll.class,
      ScheduleCommand.Run.class
    },
    synopsisSubcommandLabel = "(add | list | cancel | stop-all | run)")
public final class ScheduleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "a subcommand is required: add, list, cancel, stop-all or run");
  }

  /** {@code steward schedule add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Schedule an extraction (or replace the schedule with the same id).",
      footer = {
        "",
        "Schedules: 'hourly', 'hourly :15', 'daily 02:30 [ZONE]', 'weekly MON 02:30 [ZONE]',"
            + " 'every 15m', 'cron(0 */6 * * *) [ZONE]'.",
        "",
        "Example:",
        "  steward schedule add hourly-contoso --connection contoso --every hourly \\",
        "      --asset-types sql_table,adls_path --incremental --out /data/catalogue-{time}.jsonl"
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StewardHome home = new StewardHome();

    @Parameters(index = "0", paramLabel = "ID", description = "The schedule's id.")
    String id;

    @Option(
        names = "--connection",
        paramLabel = "NAME",
        required = true,
        description = "The connection to extract from.")
    String connection;

    @Option(
        names = "--every",
        paramLabel = "SCHEDULE",
        required = true,
        description = "When to run (see below).")
    String schedule;

    @Option(
        names = "--asset-types",
        paramLabel = "TYPES",
        description = "Asset types, comma-separated.")
    String assetTypes;

    @Option(
        names = "--collection",
        paramLabel = "ID",
        description = "Only assets in this collection.")
    String collection;

    @Option(
        names = "--incremental",
        description = "Each run extracts only what changed since the previous one.")
    boolean incremental;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description =
            "Output file; {time} is replaced by the due time (default: catalogue-CONNECTION.jsonl).")
    String out;

    @Option(
        names = "--catch-up",
        description =
            "A run missed while the scheduler was down runs once at start-up (default: skipped).")
    boolean catchUp;

    @Option(
        names = "--jitter",
        paramLabel = "DURATION",
        description = "Random delay up to DURATION added to each run (ISO-8601, e.g. PT5M).")
    String jitter;

    @Override
    public Integer call() {
      ConnectionsCommand.lookup(spec, home, connection);
      JobSpec spec;
      try {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (assetTypes != null) {
          parameters.put("assetTypes", assetTypes);
        }
        if (collection != null) {
          parameters.put("collection", collection);
        }
        if (incremental) {
          parameters.put("incremental", "true");
        }
        if (out != null) {
          parameters.put("out", out);
        }
        JobSpec base = ExtractionJob.spec(id, Schedule.parse(schedule), connection, parameters);
        spec =
            new JobSpec(
                base.id(),
                base.jobType(),
                base.parameters(),
                base.schedule(),
                catchUp ? MisfirePolicy.RUN_ONCE : MisfirePolicy.SKIP,
                jitter == null ? Duration.ZERO : Duration.parse(jitter));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new ParameterException(this.spec.commandLine(), e.getMessage());
      }
      List<JobStatus> jobs = new ArrayList<>(new FileScheduleStore(home.schedules()).load());
      jobs.removeIf(j -> j.spec().id().equals(id));
      JobStatus status =
          new JobStatus(
              spec,
              spec.schedule().nextAfter(java.time.Instant.now()),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              false,
              0,
              0);
      jobs.add(status);
      jobs.sort(java.util.Comparator.comparing(j -> j.spec().id()));
      new FileScheduleStore(home.schedules()).save(jobs);
      this.spec
          .commandLine()
          .getOut()
          .printf(
              "scheduled '%s': extraction from '%s' %s, next run %s%n",
              id,
              connection,
              spec.schedule().format(),
              status.nextRun().map(Object::toString).orElse("never"));
      return ExitCodes.OK;
    }
  }

  /** {@code steward schedule list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Show schedules: next run, last run, last outcome.")
  static final class ListSchedules implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StewardHome home = new StewardHome();

    @Override
    public Integer call() {
      print(spec.commandLine().getOut(), new FileScheduleStore(home.schedules()).load());
      return ExitCodes.OK;
    }
  }

  static void print(PrintWriter out, List<JobStatus> jobs) {
    if (jobs.isEmpty()) {
      out.println("no schedules (add one with 'steward schedule add')");
      return;
    }
    out.printf(
        "%-20s %-26s %-22s %-22s %-10s %s%n",
        "ID", "SCHEDULE", "NEXT RUN", "LAST RUN", "OUTCOME", "RUNS");
    for (JobStatus j : jobs) {
      out.printf(
          "%-20s %-26s %-22s %-22s %-10s %d%s%n",
          j.spec().id(),
          j.spec().schedule().format(),
          j.nextRun().map(ScheduleCommand::seconds).orElse("-"),
          j.lastRun().map(ScheduleCommand::seconds).orElse("-"),
          j.running() ? "RUNNING" : j.lastOutcome().map(o -> o.status().name()).orElse("-"),
          j.runs(),
          j.lastOutcome().map(o -> o.message().isEmpty() ? "" : "  " + o.message()).orElse(""));
    }
  }

  private static String seconds(java.time.Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /** {@code steward schedule cancel}. */
  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel one schedule.")
  static final class Cancel implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StewardHome home = new StewardHome();

    @Parameters(index = "0", paramLabel = "ID", description = "The schedule's id.")
    String id;

    @Override
    public Integer call() {
      FileScheduleStore store = new FileScheduleStore(home.schedules());
      List<JobStatus> jobs = new ArrayList<>(store.load());
      if (!jobs.removeIf(j -> j.spec().id().equals(id))) {
        throw new ParameterException(spec.commandLine(), "no schedule '" + id + "'");
      }
      store.save(jobs);
      spec.commandLine().getOut().printf("cancelled '%s'%n", id);
      return ExitCodes.OK;
    }
  }

  /** {@code steward schedule stop-all}. */
  @Command(
      name = "stop-all",
      mixinStandardHelpOptions = true,
      description = "Cancel every schedule.")
  static final class StopAll implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StewardHome home = new StewardHome();

    @Override
    public Integer call() {
      FileScheduleStore store = new FileScheduleStore(home.schedules());
      int count = store.load().size();
      store.save(List.of());
      spec.commandLine().getOut().printf("cancelled %d schedule(s)%n", count);
      return ExitCodes.OK;
    }
  }

  /** {@code steward schedule run}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Run the schedules in the foreground until interrupted (or for --for).")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StewardHome home = new StewardHome();

    @Option(
        names = "--for",
        paramLabel = "DURATION",
        description = "Stop after DURATION (ISO-8601, e.g. PT1H); default: until interrupted.")
    String duration;

    @Option(
        names = "--now",
        description = "Run every schedule once at start, then keep to the schedule.")
    boolean now;

    @Override
    public Integer call() throws Exception {
      Duration limit = null;
      if (duration != null) {
        try {
          limit = Duration.parse(duration);
        } catch (DateTimeParseException e) {
          throw new ParameterException(
              spec.commandLine(),
              "--for '" + duration + "' is not an ISO-8601 duration (e.g. PT1H)");
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      CountDownLatch stop = new CountDownLatch(1);
      Thread hook = new Thread(stop::countDown, "steward-schedule-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try (AuditTrail audit = AuditTrail.builder(home.audit()).build();
          InProcessGovernanceScheduler scheduler =
              InProcessGovernanceScheduler.builder()
                  .store(new FileScheduleStore(home.schedules()))
                  .job(
                      ExtractionJob.TYPE,
                      ExtractionJob.builder(new FileConnectionRegistry(home.connections()))
                          .checkpoints(new FileCheckpointStore(home.checkpoints()))
                          .audit(audit)
                          .build())
                  .build()) {
        out.printf(
            "scheduler running with %d schedule(s); Ctrl-C stops it%n", scheduler.status().size());
        if (now) {
          for (JobStatus job : scheduler.status()) {
            scheduler.runNow(job.spec().id());
          }
        }
        print(out, scheduler.status());
        out.flush();
        if (limit == null) {
          stop.await();
        } else {
          stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
        scheduler.shutdown(Duration.ofSeconds(30));
        print(out, scheduler.status());
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already stopping: the hook has run
        }
      }
      return ExitCodes.OK;
    }
  }
}
