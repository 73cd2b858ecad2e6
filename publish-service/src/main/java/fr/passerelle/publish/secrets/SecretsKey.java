package fr.passerelle.publish.secrets;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The key that seals the portals' API keys, from {@code passerelle.secrets.key}
 * ({@code PASSERELLE_SECRETS_KEY}). Without a valid one the service does not start: it could neither
 * publish on the targets already configured nor seal new ones, and an operator learns it from the
 * deployment rather than from a failed publication days later.
 */
public class SecretsKey {

    private static final Logger LOG = Logger.getLogger(SecretsKey.class);

    @Produces
    @Singleton
    @Startup
    SecretCipher cipher(@ConfigProperty(name = "passerelle.secrets.key") Optional<String> key,
                        @ConfigProperty(name = "passerelle.secrets.previous-keys") Optional<List<String>> previous) {
        try {
            SecretCipher cipher = SecretCipher.of(key.orElse(null), previous.orElse(List.of()));
            LOG.infof("Portal API keys are sealed with AES-256-GCM, key id %s", cipher.currentKeyId());
            return cipher;
        } catch (SecretCipher.InvalidKeyConfiguration e) {
            String message = "Cannot start: passerelle.secrets.key (environment variable PASSERELLE_SECRETS_KEY) is"
                    + " invalid: " + e.getMessage() + ". It encrypts the portals' API keys at rest. Generate one with"
                    + " `openssl rand -hex 32` and keep it: the stored API keys cannot be read without it.";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }
}
