package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.Map;

/**
 * An autocomplete request: keywords (1-100 characters), limit (1-100) and an optional filter.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param keywords the keywords field
 * @param limit the limit field
 * @param filter the filter field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutoCompleteOptions(
    String keywords,
    Integer limit,
    Object filter,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AutoCompleteOptions {
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /** Completions for keywords. @param keywords 1 to 100 characters @return the options */
  public static AutoCompleteOptions of(String keywords) {
    return new AutoCompleteOptions(keywords, null, null, null);
  }
}
