package fr.passerelle.quality.engine.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds e-mail addresses in a cell and tells a person's address from a functional one.
 *
 * <p>An address is {@link Owner#FUNCTIONAL} when a word of its local part names a role or a service
 * ({@code contact@}, {@code mairie@}, {@code accueil@}, {@code service-urbanisme@}…): that wins over
 * everything else, since small communes do use webmail for their town hall. It belongs to a
 * {@link Owner#PERSON} when its local part is shaped like a name ({@code prenom.nom@},
 * {@code nom.prenom@}, {@code j.dupont@}, with a common first name or an initial) or when it sits on a
 * personal webmail domain ({@code gmail.com}, {@code orange.fr}…). Anything else ({@code jdupont@},
 * {@code velo@}) is {@link Owner#UNKNOWN}: not flagged in a column the schema expects, flagged in a
 * column it does not.
 */
final class EmailAddresses {

    /** Who an address belongs to. */
    enum Owner { PERSON, FUNCTIONAL, UNKNOWN }

    /** An address found in a cell, at {@code [start, end)}. */
    record Found(String address, int start, int end) {
    }

    /** Roles and services: a local-part word equal to one makes the address functional. */
    private static final Set<String> FUNCTIONAL_WORDS = Set.of(
            "contact", "contacts", "mairie", "accueil", "info", "infos", "information", "informations", "secretariat",
            "service", "services", "direction", "dg", "dgs", "dst", "sg", "communication", "com", "technique",
            "techniques", "urbanisme", "etatcivil", "etat", "civil", "population", "rh", "drh", "compta",
            "comptabilite", "finances", "finance", "marches", "sport", "sports", "culture", "jeunesse", "enfance",
            "ecole", "cantine", "periscolaire", "mediatheque", "bibliotheque", "piscine", "office", "tourisme", "ot",
            "standard", "support", "assistance", "admin", "administration", "webmaster", "postmaster", "noreply",
            "no", "reply", "nepasrepondre", "bonjour", "hello", "commercial", "ventes", "sav", "reservation",
            "reservations", "billetterie", "dpo", "rgpd", "presse", "recrutement", "emploi", "cabinet", "elus",
            "maire", "ccas", "police", "pm", "environnement", "dechets", "eau", "assainissement", "voirie", "travaux",
            "mobilite", "mobilites", "velo", "parking", "parkings", "stationnement", "transport", "transports",
            "irve", "recharge", "exploitation", "hotline", "helpdesk", "operateur", "operations", "gestion",
            "facturation", "client", "clients", "clientele", "abonnement", "abonnements", "courrier", "mail",
            "email", "agglo", "agglomeration", "metropole", "communaute", "commune", "ville", "departement",
            "region", "prefecture", "syndicat", "association", "asso", "club", "gite", "camping", "hotel",
            "restaurant", "boutique", "magasin", "equipe", "team", "bureau", "guichet", "usagers", "public",
            "publics", "citoyens", "social", "solidarite", "sante", "creche", "multiaccueil",
            "technicien", "informatique", "dsi", "si", "opendata", "data", "donnees", "sig", "geomatique");

    /** Free mailboxes people hold privately; an organisation's own domain is never in this list. */
    private static final Set<String> PERSONAL_WEBMAIL_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "yahoo.fr", "yahoo.com", "hotmail.fr", "hotmail.com", "outlook.fr",
            "outlook.com", "live.fr", "live.com", "msn.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr",
            "neuf.fr", "laposte.net", "icloud.com", "me.com", "aol.com", "aol.fr", "gmx.fr", "gmx.com", "bbox.fr",
            "numericable.fr", "club-internet.fr", "aliceadsl.fr", "protonmail.com", "proton.me", "yandex.com",
            "mail.com", "libertysurf.fr", "tiscali.fr", "cegetel.net", "voila.fr");

    private EmailAddresses() {
    }

    /**
     * Calls {@code found} for each address in {@code cell}. A linear scan around each {@code @}: no
     * regular expression that could backtrack on a hostile cell.
     */
    static void find(String cell, Consumer<Found> found) {
        int from = 0;
        for (int at = cell.indexOf('@'); at >= 0; at = cell.indexOf('@', from)) {
            int start = at;
            while (start > from && isLocalChar(cell.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < cell.length() && isDomainChar(cell.charAt(end))) {
                end++;
            }
            // A sentence may end right after the address: "écrire à jean@x.fr."
            while (end > at + 1 && (cell.charAt(end - 1) == '.' || cell.charAt(end - 1) == '-')) {
                end--;
            }
            if (start < at && isDomain(cell, at + 1, end)) {
                found.accept(new Found(cell.substring(start, end), start, end));
            }
            from = Math.max(end, at + 1);
        }
    }

    /** Whom {@code address} (as returned by {@link #find}) belongs to. */
    static Owner owner(String address) {
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = FoldedText.fold(address.substring(at + 1));
        // Digits split words too: "jean.dupont2" is jean, dupont; "toto75" is toto.
        List<String> words = new ArrayList<>();
        for (String word : FoldedText.words(local)) {
            String letters = withoutDigits(word);
            if (!letters.isEmpty()) {
                words.add(letters);
            }
        }
        for (String word : words) {
            if (FUNCTIONAL_WORDS.contains(word)) {
                return Owner.FUNCTIONAL;
            }
        }
        if (words.size() >= 2 && words.size() <= 3 && hasNameSeparator(local)) {
            String first = words.get(0);
            String second = words.get(1);
            boolean initialThenName = first.length() == 1 && second.length() >= 2;
            if (initialThenName || FirstNames.isFirstName(first) || FirstNames.isFirstName(second)) {
                return Owner.PERSON;
            }
        }
        // Glued words ("contactvelo", "infomairie"): only once the name shapes are ruled out, since
        // surnames too may start with a service word ("Maillard", "Villeneuve").
        if (words.size() == 1 && gluesAFunctionalWord(words.get(0))) {
            return Owner.FUNCTIONAL;
        }
        return PERSONAL_WEBMAIL_DOMAINS.contains(domain) ? Owner.PERSON : Owner.UNKNOWN;
    }

    private static String withoutDigits(String word) {
        StringBuilder letters = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                letters.append(word.charAt(i));
            }
        }
        return letters.length() == word.length() ? word : letters.toString();
    }

    /** "j***@gmail.com": the first character of the local part, the domain whole. */
    static String mask(String address) {
        int at = address.lastIndexOf('@');
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** Starts or ends with a service word long enough not to be the start of a surname. */
    private static boolean gluesAFunctionalWord(String word) {
        if (word.startsWith("info")) {
            return true;
        }
        for (String functional : FUNCTIONAL_WORDS) {
            if (functional.length() >= 5 && word.length() > functional.length()
                    && (word.startsWith(functional) || word.endsWith(functional))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNameSeparator(String local) {
        return local.indexOf('.') > 0 || local.indexOf('-') > 0 || local.indexOf('_') > 0;
    }

    private static boolean isLocalChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
    }

    private static boolean isDomainChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    /** At least two labels, the last one of two letters or more. */
    private static boolean isDomain(String cell, int start, int end) {
        int lastDot = cell.lastIndexOf('.', end - 1);
        if (lastDot <= start || end - lastDot - 1 < 2) {
            return false;
        }
        for (int i = lastDot + 1; i < end; i++) {
            if (!Character.isLetter(cell.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
