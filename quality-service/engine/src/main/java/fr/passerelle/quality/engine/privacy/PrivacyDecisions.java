package fr.passerelle.quality.engine.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The actions a person chose per column of the raw file, and the salt for {@link PrivacyAction#HASH}.
 *
 * @param actions  column label as in the file's header (trimmed) to action; iteration order kept
 * @param hashSalt the secret keying the hashes: keep the same salt for every version of a dataset so the
 *                 same value gives the same hash; {@code null} when no column is hashed
 * @throws IllegalArgumentException (French message) on a blank label, or a hashed column without a salt
 */
public record PrivacyDecisions(Map<String, PrivacyAction> actions, String hashSalt) {

    private static final PrivacyDecisions NONE = new PrivacyDecisions(Map.of(), null);

    public PrivacyDecisions {
        Map<String, PrivacyAction> copy = new LinkedHashMap<>();
        for (Map.Entry<String, PrivacyAction> entry : actions.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                throw new IllegalArgumentException("Une décision sur les données personnelles doit nommer une colonne.");
            }
            copy.put(entry.getKey().strip(), Objects.requireNonNull(entry.getValue(), "action"));
        }
        actions = Collections.unmodifiableMap(copy);
        if (actions.containsValue(PrivacyAction.HASH) && (hashSalt == null || hashSalt.isEmpty())) {
            throw new IllegalArgumentException("Pour hacher une colonne, fournissez un sel (une phrase secrète) : "
                    + "gardez le même pour toutes les versions du jeu de données.");
        }
    }

    /** No decision: any personal data found blocks the file. */
    public static PrivacyDecisions none() {
        return NONE;
    }

    /** The action chosen for the column labelled {@code label}, or {@code null}. */
    public PrivacyAction actionFor(String label) {
        return actions.get(label);
    }

    @Override
    public String toString() {
        // The salt is a secret: never in logs.
        return "PrivacyDecisions[actions=" + actions + ", hashSalt=" + (hashSalt == null ? "none" : "***") + "]";
    }
}
