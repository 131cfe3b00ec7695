package dev.steward.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.guard.models.Check;
import dev.steward.guard.models.DataProfile;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.OperationKind;
import dev.steward.guard.models.Source;
import dev.steward.guard.models.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardsTest {

  /** A repository as a user would write it. */
  interface OrderRepository {
    @ProductionSafe(operation = OperationKind.READ, target = "orders-db")
    List<String> findAll();

    @ProductionSafe(target = "orders-db")
    void save(String order) throws IOException;

    @Destructive(target = "orders-db")
    int deleteAll();

    @Destructive
    int purge(@GuardTarget String database);

    int count();

    default int purgeAndCount(String database) {
      purge(database);
      return count();
    }

    @ProductionSafe(operation = OperationKind.DATA_DEPLOYMENT)
    void restore(@GuardSource Source from, @GuardTarget Target to);
  }

  static class InMemoryOrders implements OrderRepository {
    final List<String> orders = new ArrayList<>(List.of("a", "b"));
    final List<String> calls = new ArrayList<>();

    @Override
    public List<String> findAll() {
      calls.add("findAll");
      return List.copyOf(orders);
    }

    @Override
    public void save(String order) throws IOException {
      calls.add("save");
      if (order.isEmpty()) {
        throw new IOException("empty order");
      }
      orders.add(order);
    }

    @Override
    public int deleteAll() {
      calls.add("deleteAll");
      int deleted = orders.size();
      orders.clear();
      return deleted;
    }

    @Override
    public int purge(String database) {
      calls.add("purge " + database);
      if (database.equals("boom")) {
        throw new IllegalStateException("purge failed");
      }
      return 0;
    }

    @Override
    public int count() {
      calls.add("count");
      return orders.size();
    }

    @Override
    public void restore(Source from, Target to) {
      calls.add("restore " + from.name() + " -> " + to.name());
    }

    @Override
    public String toString() {
      return "InMemoryOrders";
    }
  }

  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final InMemoryOrders implementation = new InMemoryOrders();

  private OrderRepository protect(String environment) {
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", environment))
            .auditSink(audit)
            .build();
    return Guards.protect(OrderRepository.class, implementation, guard);
  }

  @Test
  void allowedCallsReachTheImplementation() throws IOException {
    OrderRepository orders = protect("development");
    orders.save("c");
    assertThat(orders.findAll()).containsExactly("a", "b", "c");
    assertThat(orders.deleteAll()).isEqualTo(3);
    assertThat(implementation.calls).containsExactly("save", "findAll", "deleteAll");
    assertThat(audit.events)
        .extracting(e -> e.decision().operation().name())
        .containsExactly(
            "OrderRepository.save", "OrderRepository.findAll", "OrderRepository.deleteAll");
  }

  @Test
  void refusedCallsNeverReachTheImplementation() {
    OrderRepository orders = protect("production");
    assertThatThrownBy(orders::deleteAll)
        .isInstanceOf(ConfirmationRequiredException.class)
        .hasMessageContaining("OrderRepository.deleteAll")
        .hasMessageContaining("CONFIRM_DANGEROUS_OPERATION orders-db");
    assertThat(implementation.calls).isEmpty();
    assertThat(implementation.orders).containsExactly("a", "b");
  }

  @Test
  void unannotatedMethodsPassStraightThroughWithoutADecision() {
    OrderRepository orders = protect("production");
    assertThat(orders.count()).isEqualTo(2);
    assertThat(audit.events).isEmpty();
  }

  @Test
  void theTargetComesFromTheGuardTargetParameterWithKnownStamps() {
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "development"))
            .targetStamp("prod-db", Environment.PRODUCTION)
            .auditSink(audit)
            .build();
    OrderRepository orders = Guards.protect(OrderRepository.class, implementation, guard);
    assertThat(orders.purge("scratch-db")).isZero();
    assertThatThrownBy(() -> orders.purge("prod-db"))
        .isInstanceOf(EnvironmentMismatchException.class)
        .hasMessageContaining("'prod-db' is stamped production");
    assertThat(implementation.calls).containsExactly("purge scratch-db");
  }

  @Test
  void aNullTargetArgumentIsRefusedAndAudited() {
    OrderRepository orders = protect("development");
    assertThatThrownBy(() -> orders.purge(null))
        .isInstanceOf(OperationProhibitedException.class)
        .hasMessageContaining("null @GuardTarget");
    assertThat(audit.last().decision().reasons().get(0).check()).isEqualTo(Check.TARGET);
    assertThat(implementation.calls).isEmpty();
  }

  @Test
  void exceptionsFromTheImplementationReachTheCallerUnwrapped() {
    OrderRepository orders = protect("development");
    assertThatThrownBy(() -> orders.save(""))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("empty order");
    assertThatThrownBy(() -> orders.purge("boom"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("purge failed");
  }

  @Test
  void defaultMethodsRunOnTheProxySoTheirCallsAreGuarded() {
    OrderRepository orders = protect("development");
    assertThat(orders.purgeAndCount("scratch")).isEqualTo(2);
    assertThat(implementation.calls).containsExactly("purge scratch", "count");
    assertThat(audit.events).hasSize(1);

    OrderRepository production = protect("production");
    assertThatThrownBy(() -> production.purgeAndCount("scratch"))
        .isInstanceOf(ConfirmationRequiredException.class);
  }

  @Test
  void anOverriddenDefaultMethodRunsTheImplementation() {
    OrderRepository custom =
        new InMemoryOrders() {
          @Override
          public int purgeAndCount(String database) {
            return 42;
          }
        };
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "production"))
            .build();
    assertThat(Guards.protect(OrderRepository.class, custom, guard).purgeAndCount("x"))
        .isEqualTo(42);
  }

  @Test
  void dataDeploymentsProfileTheSourceParameter() {
    OrderRepository orders = protect("production");
    Source testData = Source.profiled(new DataProfile("local.db", 1.0, List.of()));
    assertThatThrownBy(() -> orders.restore(testData, Target.named("orders-db")))
        .isInstanceOf(OperationProhibitedException.class)
        .hasMessageContaining("source 'local.db' looks like test data");
    assertThat(implementation.calls).isEmpty();
  }

  @Test
  void objectMethodsWorkOnTheProxy() {
    OrderRepository orders = protect("development");
    assertThat(orders).isEqualTo(orders).isNotEqualTo(implementation);
    assertThat(orders.hashCode()).isEqualTo(System.identityHashCode(orders));
    assertThat(orders.toString()).isEqualTo("Guarded OrderRepository(InMemoryOrders)");
    assertThat(Guards.isGuarded(orders)).isTrue();
    assertThat(Guards.isGuarded(implementation)).isFalse();
  }

  @Test
  void verifyPassesAGuardedProxyAndFailsTheBareImplementation() {
    Guards.verify(protect("development"));
    assertThatThrownBy(() -> Guards.verify(implementation))
        .isInstanceOf(UnguardedMethodException.class)
        .hasMessageContaining("is not guarded")
        .hasMessageContaining("OrderRepository.deleteAll() @Destructive")
        .hasMessageContaining("Guards.protect");
    Guards.verify("a plain string has no annotated methods");
  }

  interface Plain {
    void run();
  }

  static class LooseEnds implements Plain {
    @Override
    public void run() {}

    @Destructive(target = "orders-db")
    public void dropEverything() {}
  }

  @Test
  void verifyFindsAnnotatedMethodsTheInterfaceDoesNotDeclare() {
    Guards.verify(OrderRepository.class, InMemoryOrders.class);
    assertThatThrownBy(() -> Guards.verify(Plain.class, LooseEnds.class))
        .isInstanceOf(UnguardedMethodException.class)
        .hasMessageContaining("LooseEnds.dropEverything() is @Destructive but Plain does not");
    assertThatThrownBy(() -> Guards.verify(new LooseEnds()))
        .isInstanceOf(UnguardedMethodException.class);
  }

  interface NoTarget {
    @Destructive
    void wipe();
  }

  interface Conflicting {
    @Destructive(target = "db")
    void wipe();
  }

  static final class ConflictingImpl implements Conflicting {
    @Override
    @ProductionSafe(operation = OperationKind.READ, target = "db")
    public void wipe() {}
  }

  interface DeployWithoutSource {
    @ProductionSafe(operation = OperationKind.DATA_DEPLOYMENT, target = "db")
    void deploy();
  }

  interface WrongTargetType {
    @Destructive
    void wipe(@GuardTarget int database);
  }

  interface Both {
    @Destructive(target = "db")
    @ProductionSafe(target = "db")
    void wipe();
  }

  @Test
  void annotationsTheBinderCannotHonourFailAtBindTime() {
    ProductionGuard guard = ProductionGuard.builder().environmentVariables(Map.of()).build();
    assertThatThrownBy(() -> Guards.protect(NoTarget.class, () -> {}, guard))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no target");
    assertThatThrownBy(() -> Guards.protect(Conflicting.class, new ConflictingImpl(), guard))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("annotate one place");
    assertThatThrownBy(() -> Guards.protect(DeployWithoutSource.class, () -> {}, guard))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no @GuardSource");
    assertThatThrownBy(() -> Guards.protect(WrongTargetType.class, database -> {}, guard))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a String, a CharSequence or a Target");
    assertThatThrownBy(() -> Guards.protect(Both.class, () -> {}, guard))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both @ProductionSafe and @Destructive");
    assertThatThrownBy(() -> Guards.verify(Conflicting.class, ConflictingImpl.class))
        .isInstanceOf(UnguardedMethodException.class)
        .hasMessageContaining("annotate one place");
  }

  @Destructive(target = "ledger")
  interface Ledger {
    void truncate();

    @ProductionSafe(operation = OperationKind.READ, target = "ledger")
    int balance();
  }

  @Test
  void aTypeAnnotationCoversEveryMethodAndAMethodAnnotationBeatsIt() {
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "production"))
            .build();
    Ledger ledger =
        Guards.protect(
            Ledger.class,
            new Ledger() {
              @Override
              public void truncate() {}

              @Override
              public int balance() {
                return 7;
              }
            },
            guard);
    assertThat(ledger.balance()).isEqualTo(7);
    assertThatThrownBy(ledger::truncate).isInstanceOf(ConfirmationRequiredException.class);
  }

  @Test
  void protectRejectsClassesAndForeignImplementations() {
    ProductionGuard guard = ProductionGuard.builder().environmentVariables(Map.of()).build();
    assertThatThrownBy(() -> Guards.protect(InMemoryOrders.class, new InMemoryOrders(), guard))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxies interfaces only");
  }

  @Test
  void aRememberedAllowIsStillAuditedOnEveryCall() throws IOException {
    OrderRepository orders = protect("development");
    orders.save("c");
    orders.save("d");
    orders.purge("scratch");
    orders.purge("scratch");
    assertThat(audit.events).hasSize(4);
    assertThat(audit.events.get(0).decision()).isSameAs(audit.events.get(1).decision());
    assertThat(implementation.calls)
        .containsExactly("save", "save", "purge scratch", "purge scratch");
  }

  interface Backed {
    @ProductionSafe(requireBackup = true, target = "orders-db")
    void migrate();
  }

  @Test
  void anAllowThatDependsOnTheBackupAgeIsDecidedAfreshEachCall() {
    MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    InMemoryBackupVerifier backups =
        new InMemoryBackupVerifier().record("orders-db", clock.instant(), "bk-1");
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "production"))
            .clock(clock)
            .backupVerifier(backups)
            .build();
    Backed backed = Guards.protect(Backed.class, () -> {}, guard);
    backed.migrate();
    clock.advance(java.time.Duration.ofHours(25));
    assertThatThrownBy(backed::migrate)
        .isInstanceOf(BackupRequiredException.class)
        .hasMessageContaining("more than the allowed 1d");
  }

  @Test
  void aProhibitionIsNeverRemembered() {
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(
                Map.of(
                    "STEWARD_ENVIRONMENT", "production",
                    "STEWARD_GUARD_OVERRIDE", "destructive:orders-db"))
            .auditSink(audit)
            .build();
    OrderRepository orders = Guards.protect(OrderRepository.class, implementation, guard);
    assertThat(orders.deleteAll()).isEqualTo(2);
    assertThatThrownBy(orders::deleteAll).isInstanceOf(ConfirmationRequiredException.class);
    assertThat(audit.events)
        .extracting(e -> e.outcome())
        .containsExactly("overridden", "confirmation-required");
  }
}
