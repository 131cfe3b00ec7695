package dev.steward.governance.arm;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an ARM error body ({@code error} or an element of {@code error.details}).
 *
 * @param code the ARM error code, e.g. {@code ResourceNotFound}; never null (empty when absent)
 * @param message the message; never null (empty when absent)
 * @param target the target the error is about, or null
 * @param details nested details, never null
 */
public record ArmErrorDetail(
    String code, String message, String target, List<ArmErrorDetail> details)
    implements Serializable {

  /** Normalises nulls and copies the details. */
  public ArmErrorDetail {
    code = code == null ? "" : code;
    message = message == null ? "" : message;
    details = details == null ? List.of() : List.copyOf(details);
    Objects.requireNonNull(code);
  }
}
