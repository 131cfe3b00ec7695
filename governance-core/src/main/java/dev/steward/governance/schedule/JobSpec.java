package dev.steward.governance.schedule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A scheduled job as data: what to run (a job type and its parameters) and when.
 *
 * @param id unique id of this schedule, letters, digits, '.', '_' and '-'
 * @param jobType the name a {@link GovernanceJob} handler is registered under
 * @param parameters the job's parameters (never secrets: pass references such as a connection name)
 * @param schedule when it runs
 * @param misfirePolicy what happens to a run that could not start on time
 * @param jitter a random delay up to this long added to each due time, to spread load
 */
public record JobSpec(
    String id,
    String jobType,
    Map<String, String> parameters,
    Schedule schedule,
    MisfirePolicy misfirePolicy,
    Duration jitter) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  /** Checks and copies the arguments. */
  public JobSpec {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "job id '" + id + "' must be 1-128 letters, digits, '.', '_' or '-'");
    }
    Objects.requireNonNull(jobType, "jobType");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(misfirePolicy, "misfirePolicy");
    Objects.requireNonNull(jitter, "jitter");
    if (jitter.isNegative()) {
      throw new IllegalArgumentException("jitter must not be negative, was " + jitter);
    }
    parameters = Map.copyOf(parameters);
  }

  /**
   * Starts a spec.
   *
   * @param id unique id of the schedule
   * @param jobType the registered job type to run
   * @param schedule when it runs
   * @return a builder with no parameters, {@link MisfirePolicy#SKIP} and no jitter
   */
  public static Builder builder(String id, String jobType, Schedule schedule) {
    return new Builder(id, jobType, schedule);
  }

  /** Builds a {@link JobSpec}. */
  public static final class Builder {
    private final String id;
    private final String jobType;
    private final Schedule schedule;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private MisfirePolicy misfirePolicy = MisfirePolicy.SKIP;
    private Duration jitter = Duration.ZERO;

    private Builder(String id, String jobType, Schedule schedule) {
      this.id = id;
      this.jobType = jobType;
      this.schedule = schedule;
    }

    /**
     * Adds a parameter.
     *
     * @param name parameter name
     * @param value parameter value
     * @return this builder
     */
    public Builder parameter(String name, String value) {
      parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
      return this;
    }

    /**
     * Adds every parameter of a map; a later value for a name replaces an earlier one.
     *
     * @param values parameter names and values
     * @return this builder
     */
    public Builder parameters(Map<String, String> values) {
      values.forEach(this::parameter);
      return this;
    }

    /**
     * Sets the misfire policy.
     *
     * @param misfirePolicy the policy
     * @return this builder
     */
    public Builder misfirePolicy(MisfirePolicy misfirePolicy) {
      this.misfirePolicy = misfirePolicy;
      return this;
    }

    /**
     * Sets the maximum random delay added to each due time.
     *
     * @param jitter the maximum delay
     * @return this builder
     */
    public Builder jitter(Duration jitter) {
      this.jitter = jitter;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return the spec
     */
    public JobSpec build() {
      return new JobSpec(id, jobType, parameters, schedule, misfirePolicy, jitter);
    }
  }
}
