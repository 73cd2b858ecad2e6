package fr.passerelle.platform.deadletter;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Why a consumer gave up on a message, in words a person understands, read from what SmallRye's
 * dead-letter strategy puts in the record's headers (exception classes and messages). Known causes get
 * their own code, so that an operator can replay every dead letter of one cause at once; anything else
 * is {@link #UNEXPECTED}. Never a Java exception for a person.
 *
 * @param code        stable, for machines (and "replay all of this cause")
 * @param explanation French, to follow « … n'a pas pu être fait : »
 */
public record DeadLetterCause(String code, String explanation) {

    public static final DeadLetterCause UNEXPECTED = new DeadLetterCause("erreur-inattendue",
            "une erreur inattendue s'est produite dans le service qui le traitait");

    private static final Pattern SQL_STATE = Pattern.compile("sql failed \\((\\w{5})\\)|sqlstate[:= ]+(\\w{5})");

    /** First match wins: the specific before the general (a refused S3 read before S3 in general). */
    private static final List<Known> KNOWN = List.of(
            new Known(new DeadLetterCause("droits-base-de-donnees",
                    "la base de données a refusé l'opération au service (droits insuffisants)"),
                    text -> text.contains("permission denied") || sqlState(text, "42501")),
            new Known(new DeadLetterCause("base-de-donnees-indisponible", "la base de données était injoignable"),
                    text -> sqlStateStartsWith(text, "08") || sqlStateStartsWith(text, "57p")
                            || text.contains("acquisition timeout") || text.contains("unable to acquire jdbc connection")),
            new Known(new DeadLetterCause("fichier-absent-du-stockage",
                    "le fichier à traiter est introuvable dans le stockage"),
                    text -> text.contains("nosuchkey") || text.contains("key does not exist")
                            || text.contains("object does not exist")),
            new Known(new DeadLetterCause("stockage-indisponible",
                    "le stockage des fichiers n'a pas répondu comme prévu"),
                    text -> text.contains("storageexception") || text.contains("s3 server")),
            new Known(new DeadLetterCause("message-illisible", "le message reçu était incomplet ou illisible"),
                    text -> text.contains("malformedeventexception")),
            new Known(new DeadLetterCause("fichier-serveur-absent",
                    "un fichier dont le service a besoin est introuvable sur son serveur"),
                    text -> text.contains("nosuchfileexception") || text.contains("filenotfoundexception")),
            new Known(new DeadLetterCause("memoire-insuffisante", "le service a manqué de mémoire"),
                    text -> text.contains("outofmemoryerror")),
            new Known(new DeadLetterCause("delai-depasse", "une opération a dépassé le temps qui lui était imparti"),
                    text -> text.contains("timeoutexception") || text.contains("timed out")),
            new Known(new DeadLetterCause("service-injoignable", "un serveur dont le service a besoin était injoignable"),
                    text -> text.contains("connectexception") || text.contains("connection refused")
                            || text.contains("unknownhostexception")));

    /**
     * @param exceptionClass {@code dead-letter-exception-class-name}
     * @param reason         {@code dead-letter-reason} (the exception's message)
     * @param causeClass     {@code dead-letter-cause-class-name}
     * @param cause          {@code dead-letter-cause} (its cause's message)
     */
    public static DeadLetterCause of(String exceptionClass, String reason, String causeClass, String cause) {
        String text = String.join("\n", nonNull(exceptionClass), nonNull(reason), nonNull(causeClass), nonNull(cause))
                .toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(known -> known.matches().test(text)).map(Known::cause).findFirst()
                .orElse(UNEXPECTED);
    }

    /** The known cause of that code; {@link #UNEXPECTED} for any other. */
    public static DeadLetterCause ofCode(String code) {
        return KNOWN.stream().map(Known::cause).filter(cause -> cause.code().equals(code)).findFirst()
                .orElse(UNEXPECTED);
    }

    public static boolean isKnownCode(String code) {
        return UNEXPECTED.code().equals(code) || KNOWN.stream().anyMatch(known -> known.cause().code().equals(code));
    }

    private static boolean sqlState(String text, String state) {
        var matcher = SQL_STATE.matcher(text);
        while (matcher.find()) {
            String found = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            if (found.equals(state)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sqlStateStartsWith(String text, String prefix) {
        var matcher = SQL_STATE.matcher(text);
        while (matcher.find()) {
            String found = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            if (found.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private record Known(DeadLetterCause cause, Predicate<String> matches) {
    }
}
