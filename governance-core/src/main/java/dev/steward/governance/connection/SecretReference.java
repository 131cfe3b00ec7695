package dev.steward.governance.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a secret lives, never the secret itself: {@code env:NAME} (an environment variable) or
 * {@code file:/path} (a file whose content, trimmed, is the secret, e.g. a mounted Kubernetes
 * secret). Resolved only when a credential is built.
 *
 * @param kind where to look
 * @param location the variable name or file path
 */
public record SecretReference(Kind kind, String location) {

  /** Where a secret can live. */
  public enum Kind {
    /** An environment variable. */
    ENV,
    /** A file. */
    FILE
  }

  /** Checks the arguments. */
  public SecretReference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("secret reference location must not be blank");
    }
  }

  /**
   * Reads {@code env:NAME} or {@code file:/path}.
   *
   * @param text the reference
   * @return the reference
   * @throws IllegalArgumentException naming the accepted forms when it does not parse
   */
  public static SecretReference parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    String scheme = colon < 0 ? "" : text.substring(0, colon);
    String rest = colon < 0 ? "" : text.substring(colon + 1);
    return switch (scheme) {
      case "env" -> new SecretReference(Kind.ENV, rest);
      case "file" -> new SecretReference(Kind.FILE, rest);
      default ->
          throw new IllegalArgumentException(
              "a secret reference must be env:VARIABLE or file:/path, never the secret itself"
                  + " (the value given is not shown)");
    };
  }

  /**
   * Reads the secret.
   *
   * @param env the environment variables
   * @return the secret
   * @throws IllegalStateException naming the reference (never the value) when it cannot be read
   */
  public String resolve(Map<String, String> env) {
    String value;
    if (kind == Kind.ENV) {
      value = env.get(location);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException("environment variable " + location + " is not set");
      }
    } else {
      try {
        value = Files.readString(Path.of(location), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot read secret file " + location + ": " + e.getMessage(), e);
      }
      if (value.isEmpty()) {
        throw new IllegalStateException("secret file " + location + " is empty");
      }
    }
    return value;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + location;
  }
}
