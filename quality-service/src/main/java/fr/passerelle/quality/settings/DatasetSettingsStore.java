package fr.passerelle.quality.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.platform.db.Database;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** The {@code dataset_settings} table: one row per dataset that has settings. */
@ApplicationScoped
public class DatasetSettingsStore {

    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, PrivacyAction>> DECISIONS = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final ObjectMapper json;

    public DatasetSettingsStore(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** The dataset's settings with the salt of its hashes; {@link DatasetSettings#NONE} when it has none. */
    public Stored find(String organization, String dataset) {
        return database.queryOne("SELECT column_mapping, privacy_decisions, hash_salt, locale FROM dataset_settings"
                        + " WHERE organization = ? AND dataset = ?",
                row -> new Stored(new DatasetSettings(read(row.getString(1), MAPPING), read(row.getString(2), DECISIONS),
                        row.getString(4)), row.getString(3)), organization, dataset)
                .orElse(new Stored(DatasetSettings.NONE, null));
    }

    /** Replaces the settings; the salt, drawn at the first save, never changes, so hashes stay comparable. */
    @Transactional
    public void save(String organization, String dataset, DatasetSettings settings) {
        database.update("INSERT INTO dataset_settings (organization, dataset, column_mapping, privacy_decisions, hash_salt,"
                        + " locale) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organization, dataset) DO UPDATE SET"
                        + " column_mapping = EXCLUDED.column_mapping, privacy_decisions = EXCLUDED.privacy_decisions,"
                        + " locale = EXCLUDED.locale, updated_at = now()",
                organization, dataset, write(settings.columnMapping()), write(settings.privacyDecisions()), newSalt(),
                settings.locale());
    }

    /** Gives a dataset without settings its salt (and the default settings), so its decisions may hash values. */
    @Transactional
    public void drawSalt(String organization, String dataset) {
        database.update("INSERT INTO dataset_settings (organization, dataset, hash_salt) VALUES (?, ?, ?)"
                + " ON CONFLICT (organization, dataset) DO NOTHING", organization, dataset, newSalt());
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
