package dev.steward.governance.arm;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A successful ARM response, read whole.
 *
 * @param method the request method
 * @param url the request URL (ARM URLs carry no secrets; SAS tokens travel in bodies)
 * @param statusCode the HTTP status (2xx)
 * @param headers the response headers
 * @param body the JSON body, a {@code MissingNode} when the body was empty
 */
public record ArmResponse(
    HttpMethod method, String url, int statusCode, HttpHeaders headers, JsonNode body) {

  /** Checks the values. */
  public ArmResponse {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /**
   * A header value.
   *
   * @param name the header name (case-insensitive)
   * @return the value, or null
   */
  public String header(String name) {
    return headers.getValue(HttpHeaderName.fromString(name));
  }

  /**
   * The request id ARM gave the call.
   *
   * @return {@code x-ms-request-id}, else {@code x-ms-correlation-request-id}, else null
   */
  public String requestId() {
    String id = header("x-ms-request-id");
    return id != null ? id : header("x-ms-correlation-request-id");
  }

  /**
   * Whether this is the start of a long-running operation ({@code 201}/{@code 202} with an {@code
   * Azure-AsyncOperation} or {@code Location} header) that {@link
   * ArmClient#waitForCompletion(ArmResponse, java.time.Duration)} can follow.
   *
   * @return true when there is something to poll
   */
  public boolean isLongRunning() {
    return (statusCode == 201 || statusCode == 202)
        && (header("Azure-AsyncOperation") != null || header("Location") != null);
  }
}
