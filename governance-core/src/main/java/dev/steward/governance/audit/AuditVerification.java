package dev.steward.governance.audit;

import java.util.List;

/**
 * The result of checking an audit trail's hash chain.
 *
 * @param records how many records were read
 * @param files how many files were read
 * @param problems every break in the chain found, in order; empty when the trail is intact
 */
public record AuditVerification(long records, int files, List<Problem> problems) {

  /** Copies the problems. */
  public AuditVerification {
    problems = List.copyOf(problems);
  }

  /**
   * Whether the chain is intact: no line edited, inserted or deleted.
   *
   * @return true when no problem was found
   */
  public boolean intact() {
    return problems.isEmpty();
  }

  /**
   * A break in the chain.
   *
   * @param file the file name
   * @param line the line number (1-based), or 0 for a problem with the file as a whole
   * @param sequence the record's sequence number, or -1 when unreadable
   * @param reason what is wrong
   */
  public record Problem(String file, long line, long sequence, String reason) {
    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "") + ": " + reason;
    }
  }
}
