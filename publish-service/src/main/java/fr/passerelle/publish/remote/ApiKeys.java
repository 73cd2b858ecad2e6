package fr.passerelle.publish.remote;

/**
 * What a portal API key may look like. Every portal's keys are visible ASCII (udata and CKAN tokens,
 * OpenDataSoft hex keys); anything else would be refused by the HTTP client as a header value, with
 * an error message that quotes it.
 */
final class ApiKeys {

    static final int MAX_LENGTH = 4096;

    private ApiKeys() {
    }

    static boolean isPlausible(String apiKey) {
        return apiKey != null && !apiKey.isEmpty() && apiKey.length() <= MAX_LENGTH
                && apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
