package dev.steward.governance.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.governance.extract.ExtractionJob;
import dev.steward.governance.quality.QualitySyncJob;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSpecTest {

  @Test
  void parametersAddToThoseGivenAndLaterValuesWin() {
    Map<String, String> more = new HashMap<>();
    more.put("b", "2");
    more.put("a", "3");
    JobSpec spec =
        JobSpec.builder("id", "type", Schedule.parse("hourly"))
            .parameter("a", "1")
            .parameters(more)
            .build();
    assertThat(spec.parameters()).isEqualTo(Map.of("a", "3", "b", "2"));
  }

  @Test
  void aNullParameterValueIsRefusedWithItsName() {
    Map<String, String> withNull = new HashMap<>();
    withNull.put("out", null);
    assertThatThrownBy(
            () -> JobSpec.builder("id", "type", Schedule.parse("hourly")).parameters(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("out");
  }

  @Test
  void jobSpecHelpersAddTheConnection() {
    JobSpec extraction =
        ExtractionJob.spec("x", Schedule.parse("hourly"), "contoso", Map.of("out", "a.jsonl"));
    JobSpec quality =
        QualitySyncJob.spec(
            "q", Schedule.parse("daily 02:00"), "contoso", Map.of("dryRun", "true"));
    assertThat(extraction.jobType()).isEqualTo(ExtractionJob.TYPE);
    assertThat(extraction.parameters())
        .isEqualTo(Map.of("connection", "contoso", "out", "a.jsonl"));
    assertThat(quality.jobType()).isEqualTo(QualitySyncJob.TYPE);
    assertThat(quality.parameters()).isEqualTo(Map.of("connection", "contoso", "dryRun", "true"));
  }
}
