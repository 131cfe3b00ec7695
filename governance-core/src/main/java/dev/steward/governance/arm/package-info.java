/**
 * A thin, synchronous Azure Resource Manager (ARM) client on the azure-core pipeline: bearer token
 * for {@code https://management.azure.com/.default} refreshed once on an expired-token 401, retries
 * honouring {@code Retry-After}, client-side slow-down on ARM's {@code x-ms-ratelimit-remaining-*}
 * headers, lazy {@code nextLink} paging, long-running operation polling and typed errors from ARM's
 * {@code {"error":{"code","message","details"}}} body.
 *
 * <p>Start with {@link dev.steward.governance.arm.ArmClientBuilder}.
 */
package dev.steward.governance.arm;
