package fr.passerelle.stack;

import fr.passerelle.contracts.TokenClaims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The embedded issuer's key pair and the tokens the platform's operator signs with it, for
 * {@code ./passerelle up} (first key pair, first admin token) and {@code ./passerelle token}.
 *
 * <pre>
 * keys  DIR                                      create DIR/jwt-private.pem and DIR/jwt-public.pem if missing
 * token PRIVATE_PEM ORG ROLES SUBJECT [HOURS]    a token of ORG with ROLES (comma separated)
 * token PRIVATE_PEM --ops SUBJECT [HOURS]        an ops token (no organisation)
 * </pre>
 *
 * The claims are those every service expects (README, « Rôles et jetons »): {@code iss} passerelle,
 * {@code sub} and {@code upn} the subject, {@code groups} the roles, {@code org} the organisation.
 */
public final class Tokens {

    public static final String ISSUER = TokenClaims.MACHINE_ISSUER;
    public static final String PRIVATE_KEY = "jwt-private.pem";
    public static final String PUBLIC_KEY = "jwt-public.pem";
    private static final List<String> ROLES = List.of("contributor", "publisher", "admin", "ops");

    private Tokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keys")) {
            Path dir = Path.of(args[1]);
            System.out.println(ensureKeys(dir) ? "created " + dir.resolve(PUBLIC_KEY) : "kept " + dir.resolve(PUBLIC_KEY));
            return;
        }
        if (args.length >= 4 && args[0].equals("token")) {
            PrivateKey key = readPrivateKey(Path.of(args[1]));
            boolean ops = args[2].equals("--ops");
            String organization = ops ? null : args[2];
            List<String> roles = ops ? List.of("ops") : Arrays.asList(args[3].split(","));
            String subject = ops ? args[3] : argument(args, 4, null);
            String hours = argument(args, ops ? 4 : 5, "12");
            if (subject == null || subject.isBlank()) {
                fail("a subject (e-mail or name) is required");
            }
            for (String role : roles) {
                if (!ROLES.contains(role) || (!ops && role.equals("ops"))) {
                    fail("unknown role '" + role + "' (contributor, publisher, admin; or --ops)");
                }
            }
            if (!ops && !organization.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                fail("'" + organization + "' is not an organisation slug (lower case, digits, dashes)");
            }
            System.out.println(sign(key, subject, organization, roles, Duration.ofHours(Long.parseLong(hours))));
            return;
        }
        System.err.println("usage: Tokens keys DIR | token PRIVATE_PEM ORG ROLES SUBJECT [HOURS] | token PRIVATE_PEM --ops SUBJECT [HOURS]");
        System.exit(2);
    }

    private static String argument(String[] args, int index, String otherwise) {
        return args.length > index ? args[index] : otherwise;
    }

    private static void fail(String message) {
        System.err.println("ERROR: " + message);
        System.exit(2);
    }

    /** Creates an RSA 2048 key pair in {@code dir} unless one is there; true when it created one. */
    public static boolean ensureKeys(Path dir) throws IOException, GeneralSecurityException {
        Path privateKey = dir.resolve(PRIVATE_KEY);
        if (Files.exists(privateKey) && Files.exists(dir.resolve(PUBLIC_KEY))) {
            return false;
        }
        Files.createDirectories(dir);
        KeyPair pair = newKeyPair();
        Path partial = dir.resolve(PRIVATE_KEY + ".tmp");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(partial, privateKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    public static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    public static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** A token valid from now for {@code validity}; organisation null for ops. */
    public static String sign(PrivateKey key, String subject, String organization, List<String> roles, Duration validity) {
        Instant now = Instant.now();
        return sign(key, subject, organization, roles, now, now.plus(validity));
    }

    /** A token with explicit issue and expiry instants (tests make expired ones). */
    public static String sign(PrivateKey key, String subject, String organization, List<String> roles,
                              Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim(TokenClaims.NAME, subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setStringListClaim(TokenClaims.ROLES, new ArrayList<>(roles));
        if (organization != null) {
            claims.setClaim(TokenClaims.ORGANIZATION, organization);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
