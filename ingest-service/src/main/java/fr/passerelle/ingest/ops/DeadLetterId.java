package fr.passerelle.ingest.ops;

import fr.passerelle.contracts.Topics;
import fr.passerelle.platform.web.ApiException;

/** Where a dead letter is: its topic, partition and offset. */
record DeadLetterId(String dlqTopic, int partition, long offset) {

    static DeadLetterId parse(String id) {
        String[] parts = id == null ? new String[0] : id.split(":");
        try {
            if (parts.length == 3 && Topics.all().contains(parts[0]) && parts[0].endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                return new DeadLetterId(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("invalid-dead-letter-id", "« " + id + " » ne désigne pas une lettre morte.",
                "Reprenez l'identifiant « topic.dlq:partition:offset » donné par GET /api/v1/ops/dead-letters.");
    }

    @Override
    public String toString() {
        return dlqTopic + ":" + partition + ":" + offset;
    }

    String originalTopic() {
        return dlqTopic.substring(0, dlqTopic.length() - Topics.DEAD_LETTER_SUFFIX.length());
    }
}
