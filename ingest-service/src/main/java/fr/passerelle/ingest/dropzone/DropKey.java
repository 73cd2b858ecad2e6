package fr.passerelle.ingest.dropzone;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dropzone layout: {@code org/dataset/anything}. */
record DropKey(String organization, String dataset, String filename) {

    /** Where rejected drops are moved, inside the dropzone bucket; never read as new drops. */
    static final String REJECTED_PREFIX = "rejected/";

    private static final String SLUG = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?";
    private static final Pattern LAYOUT = Pattern.compile("(" + SLUG + ")/(" + SLUG + ")/(.+)");

    static Optional<DropKey> parse(String key) {
        Matcher matcher = LAYOUT.matcher(key);
        if (!matcher.matches() || matcher.group(3).endsWith("/")) {
            return Optional.empty();
        }
        String rest = matcher.group(3);
        return Optional.of(new DropKey(matcher.group(1), matcher.group(2), rest.substring(rest.lastIndexOf('/') + 1)));
    }

    static boolean isRejected(String key) {
        return key.startsWith(REJECTED_PREFIX);
    }
}
