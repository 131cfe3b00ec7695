package dev.steward.governance.scheduler.dbscheduler.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.MisfirePolicy;
import dev.steward.governance.schedule.Schedule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobRecordCodecTest {

  private static final JobSpec SPEC =
      JobSpec.builder(
              "nightly", "extraction", Schedule.parse("cron(30 2 * * MON-FRI) Europe/Berlin"))
          .parameter("connection", "contoso")
          .parameter("collection", "finance")
          .misfirePolicy(MisfirePolicy.RUN_ONCE)
          .jitter(Duration.ofMinutes(5))
          .build();

  @Test
  void roundTripsEveryField() {
    JobRecord record =
        new JobRecord(
            SPEC,
            Instant.parse("2026-11-24T01:30:00Z"),
            Instant.parse("2026-11-23T01:30:00.120Z"),
            JobOutcome.failed("Purview answered 429"),
            Duration.ofMillis(5130),
            7,
            2,
            null);

    JobRecord back = JobRecordCodec.decode(JobRecordCodec.encode(record));

    assertThat(back.spec()).isEqualTo(SPEC);
    assertThat(back.dueAt()).isEqualTo(record.dueAt());
    assertThat(back.lastRun()).isEqualTo(record.lastRun());
    assertThat(back.lastOutcome()).isEqualTo(record.lastOutcome());
    assertThat(back.lastDuration()).isEqualTo(record.lastDuration());
    assertThat(back.runs()).isEqualTo(7);
    assertThat(back.skipped()).isEqualTo(2);
  }

  @Test
  void keepsFieldsItDoesNotKnow() {
    String json =
        "{\"format\":2,\"id\":\"x\",\"jobType\":\"t\",\"parameters\":{},\"schedule\":\"hourly\","
            + "\"owner\":{\"team\":\"data\"},\"runs\":3}";
    JobRecord record = JobRecordCodec.decode(json.getBytes(StandardCharsets.UTF_8));

    String written = new String(JobRecordCodec.encode(record), StandardCharsets.UTF_8);

    assertThat(record.runs()).isEqualTo(3);
    assertThat(record.spec().misfirePolicy()).isEqualTo(MisfirePolicy.SKIP);
    assertThat(written).contains("\"owner\":{\"team\":\"data\"}").contains("\"format\":1");
  }

  @Test
  void errorsNameTheJobAndTheField() {
    String badSchedule = "{\"id\":\"x\",\"jobType\":\"t\",\"schedule\":\"fortnightly\"}";
    assertThatThrownBy(() -> JobRecordCodec.decode(badSchedule.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job record 'x'")
        .hasMessageContaining("fortnightly");
    String badDue =
        "{\"id\":\"x\",\"jobType\":\"t\",\"schedule\":\"hourly\",\"dueAt\":\"tomorrow\"}";
    assertThatThrownBy(() -> JobRecordCodec.decode(badDue.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("'dueAt'")
        .hasMessageContaining("tomorrow");
    byte[] javaSerialized = {(byte) 0xAC, (byte) 0xED, 0, 5};
    assertThatThrownBy(() -> JobRecordCodec.decode(javaSerialized))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void theSerializerRefusesAnythingButJobRecords() {
    JobRecordCodec codec = new JobRecordCodec();
    assertThatThrownBy(() -> codec.serialize("text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
    JobRecord record = JobRecord.fresh(SPEC, null);
    assertThat(codec.deserialize(JobRecord.class, codec.serialize(record)).spec()).isEqualTo(SPEC);
  }
}
