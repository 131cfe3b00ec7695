package dev.steward.purview.implementation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.List;
import java.util.Map;

/** The one Jackson configuration of the client: lenient on input, exact on output. */
public final class JsonMapper {
  private static final ObjectMapper MAPPER = create();

  private JsonMapper() {}

  /**
   * The shared, thread-safe mapper.
   *
   * @return the mapper
   */
  public static ObjectMapper get() {
    return MAPPER;
  }

  private static ObjectMapper create() {
    Builder builder =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            // Purview adds fields without notice; records keep them in additionalProperties.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Real payloads send 0.0 in int64 fields (Entity_GetByUniqueAttributes example).
            .enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // A body with anything after the JSON value is malformed, not "probably fine".
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    // Collections bound to model fields are created as Immutables' owned types, so that the
    // records can wrap them instead of copying them (a measurable share of deserialisation time).
    SimpleModule owned = new SimpleModule("steward-owned-collections");
    owned.addAbstractTypeMapping(List.class, Immutables.OwnedList.class);
    owned.addAbstractTypeMapping(Map.class, Immutables.OwnedMap.class);
    builder.addModule(owned);
    return builder.build();
  }
}
