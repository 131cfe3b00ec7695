package dev.steward.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.guard.ProductionGuard;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.Target;
import dev.steward.guard.models.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailGuardTest {

  @TempDir Path dir;

  @Test
  void guardDecisionsLandInTheHashChainedTrail() {
    try (AuditTrail audit = AuditTrail.builder(dir).tenant("contoso").build()) {
      ProductionGuard guard =
          ProductionGuard.builder()
              .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "development"))
              .clock(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC))
              .principal("alice")
              .auditSink(audit)
              .build();
      Decision refused =
          guard.evaluate(Operation.destructive(Target.stamped("prod-db", Environment.PRODUCTION)));
      assertThat(refused.verdict()).isEqualTo(Verdict.PROHIBIT);
      Decision allowed = guard.evaluate(Operation.read(Target.named("dev-db")));
      assertThat(allowed.verdict()).isEqualTo(Verdict.ALLOW);

      List<AuditRecord> records = audit.query(null, null, "prod-db");
      assertThat(records)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.action()).isEqualTo("guard.decision");
                assertThat(r.actor()).isEqualTo("alice");
                assertThat(r.tenant()).isEqualTo("contoso");
                assertThat(r.outcome()).isEqualTo("PROHIBIT");
                assertThat(r.details())
                    .containsEntry("operation", "DESTRUCTIVE")
                    .containsEntry("environment", "DEVELOPMENT");
                assertThat((String) r.details().get("reasons")).contains("prod-db");
              });
      assertThat(audit.query(null, null, "dev-db"))
          .singleElement()
          .extracting(AuditRecord::outcome)
          .isEqualTo("ALLOW");
      assertThat(audit.verify().intact()).isTrue();
    }
  }
}
