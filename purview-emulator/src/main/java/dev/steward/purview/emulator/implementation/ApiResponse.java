package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** A handler's answer: status, content type and body bytes (null for no body). */
record ApiResponse(int status, String contentType, byte[] body) {
  static final String JSON = "application/json; charset=utf-8";

  static ApiResponse json(JsonNode node) {
    return new ApiResponse(200, JSON, Json.bytes(node));
  }

  static ApiResponse jsonBytes(byte[] bytes) {
    return new ApiResponse(200, JSON, bytes);
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, null, null);
  }

  static ApiResponse text(String contentType, String text) {
    return new ApiResponse(200, contentType, text.getBytes(StandardCharsets.UTF_8));
  }
}
