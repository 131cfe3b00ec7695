package dev.steward.governance.arm.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response read whole, whose request carries neither the {@code Authorization} header nor the
 * body (ARM request bodies may hold secrets, e.g. a backup configuration's SAS URL), so that an
 * exception holding the response reveals neither.
 */
public final class BufferedHttpResponse extends HttpResponse {
  private final int statusCode;
  private final HttpHeaders headers;
  private final byte[] body;

  /**
   * Creates the response.
   *
   * @param request the request (copied without credentials)
   * @param statusCode the status
   * @param headers the headers (copied)
   * @param body the body bytes
   */
  public BufferedHttpResponse(
      HttpRequest request, int statusCode, HttpHeaders headers, byte[] body) {
    super(sanitize(request));
    this.statusCode = statusCode;
    this.headers = new HttpHeaders(headers);
    this.body = body == null ? new byte[0] : body.clone();
  }

  /**
   * Reads a response whole and closes it.
   *
   * @param response the response
   * @return the buffered copy
   */
  public static BufferedHttpResponse read(HttpResponse response) {
    try (HttpResponse r = response) {
      BinaryData data = r.getBodyAsBinaryData();
      byte[] bytes = data == null ? null : data.toBytes();
      return new BufferedHttpResponse(r.getRequest(), r.getStatusCode(), r.getHeaders(), bytes);
    }
  }

  private static HttpRequest sanitize(HttpRequest request) {
    if (request == null) {
      return null;
    }
    HttpHeaders headers = new HttpHeaders(request.getHeaders());
    headers.remove(HttpHeaderName.AUTHORIZATION);
    return new HttpRequest(request.getHttpMethod(), request.getUrl(), headers);
  }

  /**
   * The body bytes.
   *
   * @return a copy of the body
   */
  public byte[] bytes() {
    return body.clone();
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
    return Mono.just(body.clone());
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
}
