package dev.steward.governance.quality;

/**
 * What a webhook request gets back.
 *
 * @param status the HTTP status: 200 applied, 202 accepted and ignored (unmapped dataset, unknown
 *     event), 400 malformed body, 401 bad signature or stale timestamp, 409 replayed event, 502 the
 *     write to Purview failed (the sender may retry)
 * @param body a small JSON body describing the result
 */
public record WebhookResponse(int status, String body) {}
