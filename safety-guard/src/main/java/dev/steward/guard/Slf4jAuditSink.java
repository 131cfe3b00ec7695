package dev.steward.guard;

import dev.steward.guard.models.AuditEvent;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Grant;
import dev.steward.guard.models.Reason;
import dev.steward.guard.models.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs decisions through slf4j on the logger {@value #LOGGER}: plain allowed operations at DEBUG,
 * confirmed and overridden ones at INFO, refusals (confirmation required, prohibited) at WARN. The
 * guard's default sink.
 */
public final class Slf4jAuditSink implements AuditSink {

  /** The logger's name. */
  public static final String LOGGER = "dev.steward.guard.audit";

  private final Logger log;

  /** A sink on the {@value #LOGGER} logger. */
  public Slf4jAuditSink() {
    this(LoggerFactory.getLogger(LOGGER));
  }

  /**
   * A sink on the logger with the given name.
   *
   * @param loggerName the logger's name
   */
  public Slf4jAuditSink(String loggerName) {
    this(LoggerFactory.getLogger(loggerName));
  }

  private Slf4jAuditSink(Logger logger) {
    this.log = logger;
  }

  @Override
  public boolean isEnabled(Verdict verdict, Grant grant) {
    if (verdict != Verdict.ALLOW) {
      return log.isWarnEnabled();
    }
    return grant == Grant.NONE ? log.isDebugEnabled() : log.isInfoEnabled();
  }

  @Override
  public void record(AuditEvent event) {
    StringBuilder reasons = new StringBuilder();
    for (Reason reason : event.decision().reasons()) {
      reasons.append(System.lineSeparator()).append("  - ").append(reason);
    }
    Decision decision = event.decision();
    Level level =
        decision.verdict() != Verdict.ALLOW
            ? Level.WARN
            : decision.grant() != Grant.NONE ? Level.INFO : Level.DEBUG;
    log.atLevel(level)
        .addKeyValue("outcome", event.outcome())
        .addKeyValue("verdict", decision.verdict())
        .addKeyValue("grant", decision.grant())
        .addKeyValue("operation", decision.operation().kind())
        .addKeyValue("target", decision.operation().target().name())
        .addKeyValue("environment", decision.environment().environment())
        .addKeyValue("principal", event.principal())
        .addKeyValue("time", event.time())
        .log("Guard {}: {}{}", event.outcome(), decision.headline(), reasons);
  }
}
