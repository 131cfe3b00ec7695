package dev.steward.purview.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A fully read response whose request carries no credentials, plus what the retry policy did. The
 * body is read inside the retry loop, so a connection cut mid-body is retried like any other
 * connection failure.
 */
public final class BufferedResponse extends HttpResponse {
  private final int statusCode;
  private final HttpHeaders headers;
  private final byte[] body;
  private final int attempts;
  private final boolean retriesExhausted;
  private final Duration retryAfter;

  private BufferedResponse(
      HttpRequest request,
      int statusCode,
      HttpHeaders headers,
      byte[] body,
      int attempts,
      boolean retriesExhausted,
      Duration retryAfter) {
    super(request);
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
    this.attempts = attempts;
    this.retriesExhausted = retriesExhausted;
    this.retryAfter = retryAfter;
  }

  /**
   * Reads a response whole and closes it.
   *
   * @param response the response from the next policy
   * @return the buffered response (one attempt)
   */
  public static BufferedResponse read(HttpResponse response) {
    try (HttpResponse r = response) {
      BinaryData data = r.getBodyAsBinaryData();
      byte[] bytes = data == null ? new byte[0] : data.toBytes();
      return new BufferedResponse(
          sanitize(r.getRequest()),
          r.getStatusCode(),
          new HttpHeaders(r.getHeaders()),
          bytes == null ? new byte[0] : bytes,
          1,
          false,
          null);
    }
  }

  /**
   * A copy of a request without its {@code Authorization} header, so that no exception or log that
   * holds the response can reveal the token.
   *
   * @param request the request
   * @return the copy, or null for null
   */
  public static HttpRequest sanitize(HttpRequest request) {
    if (request == null) {
      return null;
    }
    HttpRequest copy = request.copy();
    copy.getHeaders().remove(HttpHeaderName.AUTHORIZATION);
    return copy;
  }

  /**
   * This response with the retry outcome.
   *
   * @param attemptCount attempts made
   * @param exhausted whether a retriable status remained when the budget ran out
   * @param lastRetryAfter the last delay the service asked for, or null
   * @return the copy
   */
  public BufferedResponse withRetryOutcome(
      int attemptCount, boolean exhausted, Duration lastRetryAfter) {
    return new BufferedResponse(
        getRequest(), statusCode, headers, body, attemptCount, exhausted, lastRetryAfter);
  }

  /**
   * How many attempts produced this response.
   *
   * @return attempts, at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Whether the response is retriable but the retry budget ran out.
   *
   * @return true when exhausted
   */
  public boolean retriesExhausted() {
    return retriesExhausted;
  }

  /**
   * The last delay the service asked for.
   *
   * @return the delay, or null
   */
  public Duration retryAfter() {
    return retryAfter;
  }

  /**
   * The body bytes (not copied: do not modify).
   *
   * @return the body, empty when none
   */
  public byte[] bodyBytes() {
    return body;
  }

  @Override
  public int getStatusCode() {
    return statusCode;
  }

  @Override
  @Deprecated
  public String getHeaderValue(String name) {
    return headers.getValue(HttpHeaderName.fromString(name));
  }

  @Override
  public String getHeaderValue(HttpHeaderName name) {
    return headers.getValue(name);
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public Flux<ByteBuffer> getBody() {
    return Flux.just(ByteBuffer.wrap(body));
  }

  @Override
  public Mono<byte[]> getBodyAsByteArray() {
    return Mono.just(body);
  }

  @Override
  public Mono<String> getBodyAsString() {
    return Mono.just(new String(body, StandardCharsets.UTF_8));
  }

  @Override
  public Mono<String> getBodyAsString(Charset charset) {
    return Mono.just(new String(body, charset));
  }

  @Override
  public BinaryData getBodyAsBinaryData() {
    return BinaryData.fromBytes(body);
  }

  @Override
  public InputStream getBodyAsInputStreamSync() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public HttpResponse buffer() {
    return this;
  }
}
