package dev.steward.governance.scheduler.dbscheduler;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link DataSource} on a real PostgreSQL ({@link LocalPostgres}), started once for
 * the whole test run and stopped (and its directory deleted) when the run ends. Each test method
 * also gets a fresh table ({@link TableName}), the same in its {@code @BeforeEach}, so tests never
 * see each other's rows.
 */
final class PostgresExtension implements ParameterResolver {

  private static final AtomicInteger TABLES = new AtomicInteger();

  /** A table name no other test uses; the extension has created the table. */
  record TableName(String value) {}

  /** Stops the server when JUnit closes the root store. */
  private record Server(LocalPostgres postgres)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      postgres.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DataSource.class || type == TableName.class || type == LocalPostgres.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalPostgres postgres = server(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == LocalPostgres.class) {
      return postgres;
    }
    if (type == DataSource.class) {
      TestDataSource dataSource = postgres.dataSource();
      context
          .getStore(ExtensionContext.Namespace.create(PostgresExtension.class, parameter))
          .put("dataSource", (AutoCloseable) dataSource::close);
      return dataSource;
    }
    // One table per test method, shared by @BeforeEach and the method itself.
    return context
        .getStore(ExtensionContext.Namespace.create(PostgresExtension.class))
        .getOrComputeIfAbsent(
            "table",
            key -> {
              String name = "t" + TABLES.incrementAndGet() + "_scheduled_tasks";
              try (TestDataSource dataSource = postgres.dataSource()) {
                SchedulerTables.create(dataSource, name);
              }
              return new TableName(name);
            },
            TableName.class);
  }

  private static LocalPostgres server(ExtensionContext context) {
    ExtensionContext.Store store =
        context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresExtension.class));
    return store
        .getOrComputeIfAbsent("server", key -> new Server(LocalPostgres.start()), Server.class)
        .postgres();
  }
}
