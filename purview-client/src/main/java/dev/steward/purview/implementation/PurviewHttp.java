package dev.steward.purview.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.purview.AuthenticationException;
import dev.steward.purview.ClassificationAlreadyAssociatedException;
import dev.steward.purview.ConcurrentModificationException;
import dev.steward.purview.EntityNotFoundException;
import dev.steward.purview.MalformedResponseException;
import dev.steward.purview.PurviewException;
import dev.steward.purview.ThrottledException;
import dev.steward.purview.TypeNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds requests, sends them through the pipeline, decodes bodies and maps failures. */
public final class PurviewHttp {
  private static final Logger LOG = LoggerFactory.getLogger("dev.steward.purview");
  private static final HttpHeaderName X_MS_REQUEST_ID =
      HttpHeaderName.fromString("x-ms-request-id");
  private static final HttpHeaderName REQUEST_ID = HttpHeaderName.fromString("request-id");
  private static final int EXCERPT = 200;

  /** The token scope of the Purview data plane. */
  public static final String SCOPE = "https://purview.azure.net/.default";

  /** What a route addresses, to name a bare 404. */
  public enum Kind {
    /** Entity routes. */
    ENTITY,
    /** Type-definition routes. */
    TYPE,
    /** Everything else. */
    OTHER
  }

  private final HttpPipeline pipeline;
  private final String base;
  private final String apiVersion;
  private final ObjectMapper mapper = JsonMapper.get();

  /**
   * Creates the sender.
   *
   * @param pipeline the pipeline
   * @param base {@code {endpoint}/datamap/api}
   * @param apiVersion the service version sent as {@code api-version}
   */
  public PurviewHttp(HttpPipeline pipeline, String base, String apiVersion) {
    this.pipeline = pipeline;
    this.base = base;
    this.apiVersion = apiVersion;
  }

  /**
   * Starts a request.
   *
   * @param method the method
   * @param path the path under {@code /datamap/api}, already encoded (see {@link #seg})
   * @param kind what the route addresses
   * @return the request under construction
   */
  public Call call(HttpMethod method, String path, Kind kind) {
    return new Call(method, path, kind);
  }

  /**
   * Percent-encodes a path segment or query component by RFC 3986: only unreserved characters stay;
   * a space is {@code %20}, never {@code +}.
   *
   * @param value the raw value
   * @return the encoded value
   */
  public static String seg(String value) {
    Objects.requireNonNull(value, "a path or query value");
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * Checks a required argument.
   *
   * @param value the argument
   * @param name its name
   * @return the argument
   */
  public static String require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }

  /** One request under construction. */
  public final class Call {
    private final HttpMethod method;
    private final String path;
    private final Kind kind;
    private final List<String[]> query = new ArrayList<>();
    private byte[] body;
    private String contentType = "application/json";
    private boolean apiVersionSent = true;

    private Call(HttpMethod method, String path, Kind kind) {
      this.method = method;
      this.path = path;
      this.kind = kind;
    }

    /**
     * Adds a query parameter unless the value is null. @param name name @param value value @return
     * this
     */
    public Call query(String name, Object value) {
      if (value != null) {
        query.add(new String[] {name, String.valueOf(value)});
      }
      return this;
    }

    /** Adds a query parameter only when true. @param name name @param value flag @return this */
    public Call flag(String name, boolean value) {
      return value ? query(name, "true") : this;
    }

    /** Leaves {@code api-version} out. @return this */
    public Call withoutApiVersion() {
      apiVersionSent = false;
      return this;
    }

    /** Sets a JSON body. @param value the value to serialise @return this */
    public Call body(Object value) {
      try {
        this.body = mapper.writeValueAsBytes(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "Cannot serialise the request body: " + e.getOriginalMessage(), e);
      }
      return this;
    }

    /**
     * Sets a body that is not JSON.
     *
     * @param bytes the body
     * @param type its content type
     * @return this
     */
    public Call rawBody(byte[] bytes, String type) {
      this.body = bytes;
      this.contentType = type;
      return this;
    }

    /**
     * Sends and decodes. @param <T> type @param type the type @param context context @return the
     * response
     */
    public <T> Response<T> send(Class<T> type, Context context) {
      return decode(exchange(context), mapper.constructType(type));
    }

    /**
     * Sends and decodes. @param <T> type @param type the type @param context context @return the
     * response
     */
    public <T> Response<T> send(TypeReference<T> type, Context context) {
      return decode(exchange(context), mapper.getTypeFactory().constructType(type));
    }

    /** Sends, expecting no body. @param context context @return the response */
    public Response<Void> sendVoid(Context context) {
      BufferedResponse r = exchange(context);
      return new SimpleResponse<>(r.getRequest(), r.getStatusCode(), r.getHeaders(), null);
    }

    /** Sends, reading the body as text. @param context context @return the response */
    public Response<String> sendText(Context context) {
      BufferedResponse r = exchange(context);
      return new SimpleResponse<>(
          r.getRequest(),
          r.getStatusCode(),
          r.getHeaders(),
          new String(r.bodyBytes(), StandardCharsets.UTF_8));
    }

    private String url() {
      StringBuilder url = new StringBuilder(base).append(path);
      char sep = '?';
      if (apiVersionSent) {
        url.append(sep).append("api-version=").append(seg(apiVersion));
        sep = '&';
      }
      for (String[] p : query) {
        url.append(sep).append(seg(p[0])).append('=').append(seg(p[1]));
        sep = '&';
      }
      return url.toString();
    }

    private BufferedResponse exchange(Context context) {
      HttpRequest request = new HttpRequest(method, url());
      request.setHeader(HttpHeaderName.ACCEPT, "application/json");
      if (body != null) {
        request.setHeader(HttpHeaderName.CONTENT_TYPE, contentType);
        request.setBody(BinaryData.fromBytes(body));
      }
      long start = System.nanoTime();
      HttpResponse raw = pipeline.sendSync(request, context == null ? Context.NONE : context);
      BufferedResponse r = raw instanceof BufferedResponse b ? b : BufferedResponse.read(raw);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "Purview {} {} -> HTTP {} in {} ms ({} attempt(s), request id {}, client request id {})",
            method,
            path,
            r.getStatusCode(),
            (System.nanoTime() - start) / 1_000_000,
            r.attempts(),
            requestIdHeader(r),
            r.getRequest().getHeaders().getValue(HttpHeaderName.X_MS_CLIENT_REQUEST_ID));
      }
      if (r.getStatusCode() >= 400) {
        throw error(r);
      }
      return r;
    }

    private <T> Response<T> decode(BufferedResponse r, JavaType type) {
      byte[] bytes = r.bodyBytes();
      String requestId = requestIdHeader(r);
      if (bytes.length == 0) {
        throw new MalformedResponseException(
            what()
                + ": HTTP "
                + r.getStatusCode()
                + " with an empty body where JSON was expected"
                + idSuffix(requestId),
            r,
            null,
            null,
            requestId);
      }
      try {
        T value = mapper.readValue(bytes, type);
        if (value == null) {
          throw new MalformedResponseException(
              what() + ": the body is JSON null" + idSuffix(requestId), r, null, null, requestId);
        }
        return new SimpleResponse<>(r.getRequest(), r.getStatusCode(), r.getHeaders(), value);
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        throw new MalformedResponseException(
            what()
                + ": the "
                + bytes.length
                + "-byte body is not a valid "
                + type.getRawClass().getSimpleName()
                + " ("
                + e.getOriginalMessage()
                + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                + ")"
                + idSuffix(requestId)
                + "; body starts: "
                + excerpt(bytes),
            r,
            requestId,
            e);
      } catch (IOException e) {
        throw new MalformedResponseException(
            what() + ": cannot read the body: " + e.getMessage() + idSuffix(requestId),
            r,
            requestId,
            e);
      }
    }

    private String what() {
      return "Purview " + method + " " + path;
    }

    private PurviewException error(BufferedResponse r) {
      int status = r.getStatusCode();
      byte[] bytes = r.bodyBytes();
      String errorCode = null;
      String errorMessage = null;
      String requestId = null;
      String detail;
      JsonNode json = null;
      try {
        json = bytes.length == 0 ? null : mapper.readTree(bytes);
      } catch (IOException notJson) {
        json = null;
      }
      if (json != null && json.isObject()) {
        errorCode = text(json, "errorCode");
        errorMessage = text(json, "errorMessage");
        requestId = text(json, "requestId");
        if (errorMessage == null) {
          errorMessage = text(json, "message");
        }
        if (errorMessage == null && json.path("error").isObject()) {
          errorCode = text(json.path("error"), "code");
          errorMessage = text(json.path("error"), "message");
        }
        detail =
            (errorCode == null ? "" : errorCode + ": ")
                + (errorMessage == null ? excerpt(bytes) : errorMessage);
      } else if (bytes.length == 0) {
        detail = "no body";
      } else {
        String type = r.getHeaders().getValue(HttpHeaderName.CONTENT_TYPE);
        detail = "non-JSON body" + (type == null ? "" : " (" + type + ")") + ": " + excerpt(bytes);
      }
      if (requestId == null) {
        requestId = requestIdHeader(r);
      }
      String reason = reason(status);
      String message =
          what()
              + " failed: HTTP "
              + status
              + (reason.isEmpty() ? "" : " " + reason)
              + " - "
              + detail
              + idSuffix(requestId);
      if (r.retriesExhausted()) {
        message += " (gave up after " + r.attempts() + " attempts)";
        if (status == 429 || status == 503) {
          return new ThrottledException(
              message
                  + ". Consider rateLimit(opsPerSecond) on the client builder: each Data Map capacity"
                  + " unit allows 25 operations per second.",
              r,
              errorCode,
              errorMessage,
              requestId,
              r.attempts(),
              r.retryAfter());
        }
      }
      if (status == 401) {
        return new AuthenticationException(
            message
                + ". The token was refused: it must be issued for scope "
                + SCOPE
                + " (and not be expired) for this tenant.",
            r,
            errorCode,
            errorMessage,
            requestId);
      }
      if (status == 403) {
        return new AuthenticationException(
            message
                + ". The identity has no permission here: give it a Purview collection role on"
                + " the collection (Data Reader to read; Data Curator to write entities, glossary and"
                + " classifications; Collection Admin to move entities).",
            r,
            errorCode,
            errorMessage,
            requestId);
      }
      if (status == 412) {
        return new ConcurrentModificationException(
            message
                + ". The object changed since it was read (stale lastModifiedTS): read it again"
                + " and reapply the change.",
            r,
            errorCode,
            errorMessage,
            requestId);
      }
      if ("ATLAS-400-00-01B".equals(errorCode)) {
        return new ClassificationAlreadyAssociatedException(
            message, r, errorCode, errorMessage, requestId);
      }
      if ("ATLAS-404-00-001".equals(errorCode)
          || "ATLAS-404-00-002".equals(errorCode)
          || status == 404 && errorCode == null && kind == Kind.TYPE) {
        return new TypeNotFoundException(message, r, errorCode, errorMessage, requestId);
      }
      if ("ATLAS-404-00-005".equals(errorCode)
          || "ATLAS-404-00-009".equals(errorCode)
          || status == 404 && errorCode == null && kind == Kind.ENTITY) {
        return new EntityNotFoundException(message, r, errorCode, errorMessage, requestId);
      }
      return new PurviewException(message, r, errorCode, errorMessage, requestId);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String requestIdHeader(HttpResponse r) {
    String id = r.getHeaders().getValue(X_MS_REQUEST_ID);
    if (id == null) {
      id = r.getHeaders().getValue(REQUEST_ID);
    }
    return id;
  }

  private static String idSuffix(String requestId) {
    return requestId == null ? "" : " (request id " + requestId + ")";
  }

  /** The first characters of a body, whitespace collapsed, for messages. */
  static String excerpt(byte[] bytes) {
    String text =
        new String(bytes, 0, Math.min(bytes.length, EXCERPT * 4), StandardCharsets.UTF_8)
            .replaceAll("\\s+", " ")
            .trim();
    return text.length() > EXCERPT ? "'" + text.substring(0, EXCERPT) + "...'" : "'" + text + "'";
  }

  private static String reason(int status) {
    switch (status) {
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 408:
        return "Request Timeout";
      case 409:
        return "Conflict";
      case 412:
        return "Precondition Failed";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return "";
    }
  }
}
