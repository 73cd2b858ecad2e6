package fr.passerelle.quality.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** The {@code dataset_settings} table: one row per dataset that has settings. Its only writer. */
@ApplicationScoped
public class DatasetSettingsStore {

    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, PrivacyAction>> DECISIONS = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions transactions;
    private final ObjectMapper json;

    public DatasetSettingsStore(Transactions transactions, ObjectMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    /** The dataset's settings with the salt of its hashes; {@link DatasetSettings#NONE} when it has none. */
    public Uni<Stored> find(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery("SELECT column_mapping, privacy_decisions,"
                                + " hash_salt, locale FROM dataset_settings WHERE organization = ?1 AND dataset = ?2",
                        Object[].class)
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .getResultList())
                .map(rows -> rows.isEmpty() ? new Stored(DatasetSettings.NONE, null) : stored(rows.get(0)));
    }

    private Stored stored(Object[] row) {
        return new Stored(new DatasetSettings(read((String) row[0], MAPPING), read((String) row[1], DECISIONS),
                (String) row[3]), (String) row[2]);
    }

    /**
     * Replaces the settings, in the caller's transaction; the salt, drawn at the first save, never changes, so hashes
     * stay comparable.
     */
    public Uni<Void> save(String organization, String dataset, DatasetSettings settings) {
        String mapping = write(settings.columnMapping());
        String decisions = write(settings.privacyDecisions());
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO dataset_settings (organization,"
                        + " dataset, column_mapping, privacy_decisions, hash_salt, locale) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                        + " ON CONFLICT (organization, dataset) DO UPDATE SET column_mapping = EXCLUDED.column_mapping,"
                        + " privacy_decisions = EXCLUDED.privacy_decisions, locale = EXCLUDED.locale, updated_at = now()")
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .setParameter(3, mapping)
                .setParameter(4, decisions)
                .setParameter(5, newSalt())
                .setParameter(6, settings.locale())
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Gives a dataset without settings its salt (and the default settings), so its decisions may hash values; in the
     * caller's transaction.
     */
    public Uni<Void> drawSalt(String organization, String dataset) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO dataset_settings (organization,"
                        + " dataset, hash_salt) VALUES (?1, ?2, ?3) ON CONFLICT (organization, dataset) DO NOTHING")
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .setParameter(3, newSalt())
                .executeUpdate()).replaceWithVoid();
    }

    private static String newSalt() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param hashSalt null when the dataset has no settings yet */
    public record Stored(DatasetSettings settings, String hashSalt) {

        public Optional<String> salt() {
            return Optional.ofNullable(hashSalt);
        }
    }
}
