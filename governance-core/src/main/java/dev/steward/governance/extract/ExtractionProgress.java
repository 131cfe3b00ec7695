package dev.steward.governance.extract;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a running extraction has got.
 *
 * @param written assets written in this run
 * @param resumed assets skipped because an interrupted run had already written them
 * @param pages search pages read
 * @param total the service's count of matching assets (approximate for large results), or -1
 * @param elapsed time since the run started
 * @param perSecond assets written per second so far
 * @param eta estimated time to completion, when the total is known
 */
public record ExtractionProgress(
    long written,
    long resumed,
    int pages,
    long total,
    Duration elapsed,
    double perSecond,
    Optional<Duration> eta) {}
