package dev.steward.guard;

import dev.steward.guard.implementation.Redaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Opens a JDBC connection. The guard opens and closes one per check, so a pooled {@code DataSource}
 * fits ({@code dataSource::getConnection}) as well as a plain URL ({@link #url}).
 */
@FunctionalInterface
public interface ConnectionFactory {

  /**
   * Opens a connection; the caller closes it.
   *
   * @return an open connection
   * @throws SQLException when the database cannot be reached
   */
  Connection connect() throws SQLException;

  /**
   * Connections from {@link DriverManager} for a JDBC URL (the driver must be on the class path).
   *
   * @param url the JDBC URL, for example {@code jdbc:postgresql://db.example/orders}
   * @return the factory
   */
  static ConnectionFactory url(String url) {
    Objects.requireNonNull(url, "url");
    return () -> DriverManager.getConnection(url);
  }

  /**
   * Connections from {@link DriverManager} for a JDBC URL with properties such as {@code user} and
   * {@code password}.
   *
   * @param url the JDBC URL
   * @param properties connection properties
   * @return the factory
   */
  static ConnectionFactory url(String url, Properties properties) {
    Objects.requireNonNull(url, "url");
    Properties copy = new Properties();
    copy.putAll(properties);
    return () -> DriverManager.getConnection(url, copy);
  }

  /**
   * A JDBC URL fit for messages and the audit trail: credentials ({@code user:password@}, {@code
   * password=...}) masked.
   *
   * @param url the URL
   * @return the URL with secrets replaced by {@code ***}
   */
  static String redact(String url) {
    return Redaction.secrets(url);
  }
}
