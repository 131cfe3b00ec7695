package dev.steward.purview.emulator.implementation;

/**
 * The error codes the emulator answers with. Atlas codes ({@code ATLAS-...}) are those Apache Atlas
 * defines and Purview returns; the few conditions with no known Atlas code (throttling, outages,
 * stale writes, unimplemented routes) use a plain name, listed in the README.
 */
public enum AtlasError {
  INVALID_PARAMETERS(400, "ATLAS-400-00-01A", "invalid parameters: {0}"),
  CLASSIFICATION_ALREADY_ASSOCIATED(
      400, "ATLAS-400-00-01B", "instance {0} already is associated with classification {1}"),
  UNKNOWN_TYPENAME(400, "ATLAS-400-00-00A", "{0}: Unknown/invalid typename"),
  INVALID_TYPE_DEFINITION(400, "ATLAS-400-00-011", "Invalid type definition {0}"),
  UNKNOWN_ATTRIBUTE(400, "ATLAS-400-00-023", "Attribute {0} not found for type {1}"),
  INVALID_VALUE(400, "ATLAS-400-00-028", "invalid value: {0}"),
  BAD_REQUEST(400, "ATLAS-400-00-029", "{0}"),
  MISSING_MANDATORY_ATTRIBUTE(
      400, "ATLAS-400-00-02B", "Mandatory field {0}.{1} has empty/null value"),
  UNKNOWN_CLASSIFICATION(400, "ATLAS-400-00-046", "{0}: Unknown/invalid classification"),
  CLASSIFICATION_NOT_ASSOCIATED(
      400, "ATLAS-400-00-06D", "Classification {1} is not associated with entity {0}"),
  UNKNOWN_GLOSSARY_TERM(400, "ATLAS-400-00-06E", "{0}: Unknown/invalid glossary term"),
  INVALID_PARTIAL_UPDATE_ATTR(
      400, "ATLAS-400-00-074", "Invalid attribute {0} for partial update of {1}"),
  BUSINESS_METADATA_NOT_ALLOWED(
      400, "ATLAS-400-00-08D", "Business metadata {0} is not applicable to entity type {1}"),
  INVALID_LABEL_CHARACTERS(
      400,
      "ATLAS-400-00-090",
      "Invalid label: {0}, label should contain alphanumeric characters, '_' or '-'"),
  UNAUTHENTICATED(401, "ATLAS-401-00-001", "Authentication required"),
  TYPE_NAME_NOT_FOUND(404, "ATLAS-404-00-001", "Given typename {0} was invalid"),
  TYPE_GUID_NOT_FOUND(404, "ATLAS-404-00-002", "Given type guid {0} was invalid"),
  INSTANCE_GUID_NOT_FOUND(404, "ATLAS-404-00-005", "Given instance guid {0} is invalid/not found"),
  INSTANCE_CRUD_INVALID_PARAMS(
      404, "ATLAS-404-00-007", "Invalid instance creation/updation parameters passed : {0}"),
  CLASSIFICATION_NOT_FOUND(404, "ATLAS-404-00-008", "Given classification {0} was invalid"),
  INSTANCE_BY_UNIQUE_ATTRIBUTE_NOT_FOUND(
      404, "ATLAS-404-00-009", "Instance {0} with unique attribute {1} does not exist"),
  REFERENCED_ENTITY_NOT_FOUND(404, "ATLAS-404-00-00A", "Referenced entity {0} is not found"),
  RELATIONSHIP_GUID_NOT_FOUND(
      404, "ATLAS-404-00-00C", "Given relationship guid {0} is invalid/not found"),
  TYPE_ALREADY_EXISTS(409, "ATLAS-409-00-001", "Given type {0} already exists"),
  TYPE_HAS_REFERENCES(409, "ATLAS-409-00-002", "Given type {0} has references"),
  RELATIONSHIP_ALREADY_EXISTS(
      409, "ATLAS-409-00-004", "relationship {0} already exists between entities {1} and {2}"),
  GLOSSARY_ALREADY_EXISTS(
      409, "ATLAS-409-00-007", "Glossary with qualifiedName {0} already exists"),
  GLOSSARY_TERM_ALREADY_EXISTS(
      409, "ATLAS-409-00-009", "Glossary term with qualifiedName {0} already exists"),
  GLOSSARY_CATEGORY_ALREADY_EXISTS(
      409, "ATLAS-409-00-00A", "Glossary category with qualifiedName {0} already exists"),
  PRECONDITION_FAILED(
      412,
      "PreconditionFailed",
      "lastModifiedTS {1} of entity {0} is stale: the stored value is {2}"),
  TOO_MANY_REQUESTS(
      429,
      "TooManyRequests",
      "Rate limit of {0} operations per second exceeded; retry after {1} ms"),
  INTERNAL_ERROR(500, "ATLAS-500-00-001", "Internal server error {0}"),
  NOT_IMPLEMENTED(501, "NotImplemented", "{0}"),
  SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "The service is temporarily unavailable ({0})");

  private final int status;
  private final String code;
  private final String template;

  AtlasError(int status, String code, String template) {
    this.status = status;
    this.code = code;
    this.template = template;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The {@code errorCode} string. */
  public String code() {
    return code;
  }

  /** Formats the message with positional parameters. */
  public String format(Object... params) {
    String message = template;
    for (int i = 0; i < params.length; i++) {
      message = message.replace("{" + i + "}", String.valueOf(params[i]));
    }
    return message;
  }

  /** An exception carrying this error. */
  public AtlasException exception(Object... params) {
    return new AtlasException(this, format(params));
  }
}
