package fr.passerelle.ingest.ops;

/**
 * How far a consumer group is behind on a topic: the sum over its partitions of the end offset minus
 * the group's committed offset.
 */
public record ConsumerLag(String group, String topic, int partitions, long lag) {
}
