package dev.steward.governance.snapshot;

import static dev.steward.governance.snapshot.ArmWire.NSG;
import static dev.steward.governance.snapshot.ArmWire.SUB;
import static dev.steward.governance.snapshot.ArmWire.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.drift.models.ChangeType;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.Severity;
import dev.steward.governance.audit.AuditRecord;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobContext;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.ManualSchedulingClock;
import dev.steward.governance.schedule.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftWatchJobTest {

  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  final ArmWire wire = new ArmWire();
  @TempDir Path dir;
  Path baseline;
  AuditTrail trail;
  final List<DriftWatchResult> delivered = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    baseline = dir.resolve("baseline.jsonl");
    Files.writeString(baseline, fixture("baseline.jsonl"));
    trail = AuditTrail.builder(dir.resolve("audit")).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
  }

  @AfterEach
  void tearDown() {
    trail.close();
    wire.close();
  }

  DriftWatchJob job() {
    return DriftWatchJob.builder(
            ResourceSnapshotter.builder(wire.client())
                .clock(new ResourceSnapshotterTest.SteppingClock())
                .build())
        .audit(trail)
        .snapshotDirectory(dir)
        .listener(delivered::add)
        .build();
  }

  static SnapshotOptions options() {
    return SnapshotOptions.builder().subscription(SUB).fullResources(true).build();
  }

  JobContext context(Map<String, String> parameters) {
    return new JobContext("nsg-watch", DriftWatchJob.TYPE, parameters, T0, T0, () -> false);
  }

  @Test
  void anNsgRuleOpenedToTheInternetIsACriticalDriftInTheAuditTrailAndAtTheListener()
      throws Exception {
    wire.network(fixture("nsg-current.json"));
    ManualSchedulingClock clock = new ManualSchedulingClock(T0);
    DriftWatchJob job = job();
    try (InProcessGovernanceScheduler scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(clock)
            .executor(Runnable::run)
            .job(DriftWatchJob.TYPE, job)
            .build()) {
      scheduler.schedule(
          DriftWatchJob.spec(
              "nsg-watch", Schedule.parse("every 1h"), baseline, options(), Map.of()));

      clock.advance(Duration.ofHours(1));

      JobStatus status = scheduler.status().get(0);
      JobOutcome outcome = status.lastOutcome().orElseThrow();
      assertThat(outcome.status()).isEqualTo(JobOutcome.Status.SUCCEEDED);
      assertThat(outcome.message())
          .startsWith(
              "1 drift (critical 1, high 0, medium 0, low 0) in 1 changed, 0 added,"
                  + " 0 removed resources; snapshot 3 resources, 1 page, 250 ms");
    }

    assertThat(delivered).hasSize(1);
    DriftWatchResult result = delivered.get(0);
    assertThat(result.jobId()).isEqualTo("nsg-watch");
    assertThat(result.scheduledFor()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(result.snapshotDuration()).isEqualTo(Duration.ofMillis(250));
    assertThat(result.snapshot().file()).isEqualTo(dir.resolve("drift-watch-nsg-watch.jsonl"));
    List<Drift> drifts = result.report().drifts();
    assertThat(drifts).hasSize(1);
    Drift drift = drifts.get(0);
    assertThat(drift.resourceId()).isEqualTo(NSG);
    assertThat(drift.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(drift.change()).isEqualTo(ChangeType.MODIFIED);
    assertThat(drift.rule()).isEqualTo("nsg-open-management-port");
    assertThat(drift.path())
        .isEqualTo("properties.securityRules[name=AllowSSH].properties.sourceAddressPrefix");

    List<AuditRecord> records = trail.query(null, null, null);
    assertThat(records)
        .extracting(AuditRecord::action, AuditRecord::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DriftWatchJob.AUDIT_DRIFT, "CRITICAL"),
            org.assertj.core.groups.Tuple.tuple(DriftWatchJob.AUDIT_RUN, "SUCCEEDED"));
    AuditRecord recorded = records.get(0);
    assertThat(recorded.actor()).isEqualTo("job:nsg-watch");
    assertThat(recorded.target()).isEqualTo(NSG);
    assertThat(recorded.details())
        .containsEntry("path", drift.path())
        .containsEntry("before", "10.0.0.0/24")
        .containsEntry("after", "*")
        .containsEntry("rule", "nsg-open-management-port");
    assertThat(records.get(1).details()).containsEntry("critical", 1);
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void noDriftWhenTheCurrentStateMatchesTheBaseline() {
    String unchanged =
        fixture("nsg-current.json")
            .replaceFirst(
                "\"sourceAddressPrefix\": \"\\*\",\n(\\s+)\"destinationAddressPrefix\": \"\\*\",\n(\\s+)\"access\": \"Allow\",\n(\\s+)\"priority\": 140",
                "\"sourceAddressPrefix\": \"10.0.0.0/24\",\n$1\"destinationAddressPrefix\": \"*\",\n$2\"access\": \"Allow\",\n$3\"priority\": 140");
    assertThat(unchanged).contains("10.0.0.0/24");
    wire.network(unchanged);

    JobOutcome outcome = job().run(context(params()));

    assertThat(outcome.status()).isEqualTo(JobOutcome.Status.SUCCEEDED);
    assertThat(outcome.message()).startsWith("0 drifts (critical 0, high 0, medium 0, low 0)");
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).report().drifts()).isEmpty();
    assertThat(trail.query(null, null, null))
        .extracting(AuditRecord::action)
        .containsExactly(DriftWatchJob.AUDIT_RUN);
  }

  Map<String, String> params() {
    return DriftWatchJob.spec(
            "nsg-watch", Schedule.parse("every 1h"), baseline, options(), Map.of())
        .parameters();
  }

  @Test
  void aMissingBaselineFailsClosedBeforeAnyArmCall() {
    wire.network(fixture("nsg-current.json"));
    Map<String, String> p = new java.util.HashMap<>(params());
    p.put("baseline", dir.resolve("nope.jsonl").toString());

    JobOutcome outcome = job().run(context(p));

    assertThat(outcome.status()).isEqualTo(JobOutcome.Status.FAILED);
    assertThat(outcome.message())
        .isEqualTo(
            "drift watch not started: baseline "
                + dir.resolve("nope.jsonl")
                + " does not exist or is not a file");
    assertThat(wire.server.getAllServeEvents()).isEmpty();
    assertThat(delivered).isEmpty();
    assertThat(trail.query(null, null, null))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(DriftWatchJob.AUDIT_RUN);
              assertThat(r.outcome()).isEqualTo("FAILED");
            });
  }

  @Test
  void aMalformedBaselineFailsNamingFileLineAndColumn() throws Exception {
    wire.network(fixture("nsg-current.json"));
    Files.writeString(baseline, "{\"id\":\"/subscriptions/x/a\"}\n{\"id\": oops}\n");

    JobOutcome outcome = job().run(context(params()));

    assertThat(outcome.status()).isEqualTo(JobOutcome.Status.FAILED);
    assertThat(outcome.message()).startsWith("cannot compare: " + baseline + ":2:");
    assertThat(outcome.message()).contains("malformed JSON");
    assertThat(delivered).isEmpty();
    assertThat(trail.query(null, null, null))
        .extracting(AuditRecord::outcome)
        .containsExactly("FAILED");
  }

  @Test
  void anEmptyBaselineOrBadParametersFailWithTheirName() throws Exception {
    Files.writeString(baseline, "");
    assertThat(job().run(context(params())).message())
        .isEqualTo(
            "drift watch not started: baseline "
                + baseline
                + " is empty (take one with 'steward snapshot')");
    Files.writeString(baseline, fixture("baseline.jsonl"));
    Map<String, String> p = new java.util.HashMap<>(params());
    p.remove("subscriptions");
    assertThat(job().run(context(p)).message())
        .isEqualTo("drift watch not started: parameter 'subscriptions' is missing");
    p = new java.util.HashMap<>(params());
    p.put("resourceGroup", "rg'--");
    assertThat(job().run(context(p)).message())
        .startsWith("drift watch not started: resource group 'rg'--' is not a resource group name");
    p = new java.util.HashMap<>(params());
    p.put("rules", dir.resolve("missing-rules.json").toString());
    assertThat(job().run(context(p)).message())
        .isEqualTo(
            "drift watch not started: rules file not found: " + dir.resolve("missing-rules.json"));
    assertThat(wire.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aListenerThatThrowsDoesNotFailTheRunOrStopTheOthers() {
    wire.network(fixture("nsg-current.json"));
    DriftWatchJob job = job();
    job.addListener(
        r -> {
          throw new IllegalStateException("metrics backend down");
        });
    List<DriftWatchResult> second = new CopyOnWriteArrayList<>();
    job.addListener(second::add);

    JobOutcome outcome = job.run(context(params()));

    assertThat(outcome.status()).isEqualTo(JobOutcome.Status.SUCCEEDED);
    assertThat(delivered).hasSize(1);
    assertThat(second).hasSize(1);
  }
}
