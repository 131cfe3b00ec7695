package dev.steward.examples.guard;

import dev.steward.guard.ConfirmationRequiredException;
import dev.steward.guard.Confirmations;
import dev.steward.guard.Destructive;
import dev.steward.guard.GuardTarget;
import dev.steward.guard.Guards;
import dev.steward.guard.InMemoryBackupVerifier;
import dev.steward.guard.ProductionGuard;
import dev.steward.guard.ProductionSafe;
import dev.steward.guard.ProgrammaticConfirmations;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.OperationKind;
import dev.steward.guard.models.Target;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds the guard to an application's own repository with {@code @ProductionSafe} and
 * {@code @Destructive}: in production, a purge needs a recent backup and a typed confirmation,
 * while a write goes through. Any environment can be simulated by passing its variables (App
 * Service sets {@code WEBSITE_SITE_NAME}; Kubernetes, Functions and Container Apps have theirs).
 *
 * <pre>
 * java -cp cli/target/steward.jar dev.steward.examples.guard.GuardedRepository
 * </pre>
 */
public final class GuardedRepository {

  // snippet:begin guard-annotations
  /** A repository as the application writes it; the annotations say what each method does. */
  public interface CustomerRepository {
    /**
     * Saves a customer.
     *
     * @param customer the customer's name
     */
    @ProductionSafe(target = "crm-db") // a WRITE on crm-db
    void save(String customer);

    /**
     * Deletes every customer.
     *
     * @param database the database to purge
     * @return how many were deleted
     */
    @Destructive(requireBackup = true)
    int purge(@GuardTarget String database);
  }

  // snippet:end guard-annotations

  /** The application's implementation: it knows nothing of the guard. */
  public static final class InMemoryCustomerRepository implements CustomerRepository {
    private final List<String> customers = new ArrayList<>();

    @Override
    public void save(String customer) {
      customers.add(customer);
    }

    @Override
    public int purge(String database) {
      int n = customers.size();
      customers.clear();
      return n;
    }
  }

  /**
   * What happened, for the example's test.
   *
   * @param saved whether the write went through
   * @param phrase the confirmation phrase the purge asked for
   * @param purged how many customers the confirmed purge deleted
   * @param withoutBackup the decision for a purge of a database with no known backup
   */
  public record Outcome(boolean saved, String phrase, int purged, Decision withoutBackup) {}

  private GuardedRepository() {}

  /**
   * Runs the example as if on Azure App Service.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    run(Map.of("WEBSITE_SITE_NAME", "crm-api"), Clock.systemUTC(), System.out);
  }

  /**
   * Runs the example.
   *
   * @param env the environment variables the guard detects the environment from
   * @param clock the clock
   * @param out where to print
   * @return what happened
   */
  public static Outcome run(Map<String, String> env, Clock clock, PrintStream out) {
    InMemoryCustomerRepository repository = new InMemoryCustomerRepository();
    // snippet:begin guard-protect
    ProgrammaticConfirmations confirmations = Confirmations.programmatic(clock);
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(env) // by default System.getenv()
            .clock(clock)
            .backupVerifier( // Azure adapters implement BackupVerifier (ArmBackupVerifier)
                new InMemoryBackupVerifier()
                    .record("crm-db", clock.instant().minus(Duration.ofHours(3)), "nightly-0412"))
            .maxBackupAge(Duration.ofHours(24))
            .confirmationProvider(confirmations) // Confirmations.console(clock) on a terminal
            .build();
    CustomerRepository customers = Guards.protect(CustomerRepository.class, repository, guard);
    Guards.verify(customers); // fails unless every annotated method goes through the guard
    // snippet:end guard-protect

    customers.save("Ada");
    boolean saved = repository.customers.contains("Ada");
    out.println("save in " + guard.environment().environment() + ": allowed");

    // snippet:begin guard-confirm
    String phrase = null;
    try {
      customers.purge("crm-db");
    } catch (ConfirmationRequiredException e) {
      phrase = e.decision().confirmationPhrase(); // "CONFIRM_DANGEROUS_OPERATION crm-db"
      out.println(e.getMessage()); // verdict, evidence, every reason and its way out
    }
    confirmations.confirm(phrase); // what an operator types; single use, valid 5 minutes
    int purged = customers.purge("crm-db");
    // snippet:end guard-confirm
    out.println("purged " + purged + " after the confirmation");

    // snippet:begin guard-evaluate
    Decision decision =
        guard.evaluate(
            Operation.of(OperationKind.DESTRUCTIVE, Target.named("billing-db"))
                .named("purge")
                .withBackupRequired());
    if (!decision.isAllowed()) {
      out.println(decision.message()); // no backup of billing-db is known: refused
    }
    // snippet:end guard-evaluate
    return new Outcome(saved, phrase, purged, decision);
  }
}
