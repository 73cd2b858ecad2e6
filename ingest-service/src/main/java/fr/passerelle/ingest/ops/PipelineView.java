package fr.passerelle.ingest.ops;

import java.time.Instant;
import java.util.List;

/**
 * The whole pipeline at a glance, for operators: every service's readiness and every consumer group's
 * lag.
 *
 * @param lagError French, when the broker could not be asked (then {@code consumerLag} is empty)
 */
public record PipelineView(Instant at, List<ServiceHealth> services, List<ConsumerLag> consumerLag, String lagError) {
}
