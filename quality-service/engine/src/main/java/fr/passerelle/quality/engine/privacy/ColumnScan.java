package fr.passerelle.quality.engine.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one column of the raw file holds, counted as the rows stream by. Bounded: a few counters and
 * at most {@link PersonalDataFinding#MAX_SAMPLES} masked samples per signal, whatever the row count.
 */
final class ColumnScan {

    final String label;
    /** The schema field the column fills, or {@code null} when the schema does not expect it. */
    final String field;
    final PersonNames.Header header;

    private long nonEmpty;
    private final Signal personalEmails = new Signal();
    /** Neither functional nor clearly a person's: flagged only in a column the schema does not expect. */
    private final Signal otherEmails = new Signal();
    private final Signal mobiles = new Signal();
    private long fixedLines;
    private final Signal nirs = new Signal();
    private final Signal ibans = new Signal();
    /** Cells matching what the header announces (a first name under "prénom"...). */
    private final Signal headerLike = new Signal();
    /** Cells reading "Prénom NOM", whatever the header. */
    private final Signal fullNames = new Signal();

    ColumnScan(String label, String field) {
        this.label = label;
        this.field = field;
        this.header = field == null ? PersonNames.header(label) : PersonNames.Header.NONE;
    }

    /** Whether any cell so far held something personal, or a fixed line (which may outnumber mobiles later). */
    boolean foundSomething() {
        return personalEmails.count > 0 || otherEmails.count > 0 || mobiles.count > 0 || fixedLines > 0
                || nirs.count > 0 || ibans.count > 0 || headerLike.count > 0 || fullNames.count > 0;
    }

    boolean expectedBySchema() {
        return field != null;
    }

    void inspect(String cell) {
        if (cell.isEmpty()) {
            return;
        }
        nonEmpty++;
        int digits = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        if (digits >= 13 && SocialSecurityNumbers.isNir(cell)) {
            nirs.add(SocialSecurityNumbers.mask(cell));
            return;
        }
        if (digits >= 8 && BankAccountNumbers.isIban(cell)) {
            ibans.add(BankAccountNumbers.mask(cell));
            return;
        }
        if (cell.indexOf('@') >= 0) {
            EmailAddresses.find(cell, found -> {
                switch (EmailAddresses.owner(found.address())) {
                    case PERSON -> personalEmails.add(EmailAddresses.mask(found.address()));
                    case UNKNOWN -> otherEmails.add(EmailAddresses.mask(found.address()));
                    case FUNCTIONAL -> { }
                }
            });
        }
        if (digits >= FrenchPhoneNumbers.MIN_DIGITS) {
            FrenchPhoneNumbers.find(cell, found -> {
                if (found.mobile()) {
                    mobiles.add(FrenchPhoneNumbers.mask(found.nationalDigits()));
                } else {
                    fixedLines++;
                }
            });
        }
        if (field == null) {
            if (header != PersonNames.Header.NONE && PersonNames.confirms(header, cell)) {
                headerLike.add(PersonNames.mask(cell));
            }
            if (PersonNames.looksLikeFullName(cell)) {
                fullNames.add(PersonNames.mask(cell));
            }
        }
    }

    /** Whether this column, by its header and values, holds first names, full names or titles of persons. */
    boolean confirmsPersons() {
        return (header == PersonNames.Header.FIRST_NAME || header == PersonNames.Header.FULL_NAME
                || header == PersonNames.Header.CIVILITY) && mostly(headerLike.count);
    }

    /**
     * What this column holds that is personal, by kind.
     *
     * @param personsBeside another column of the file holds first names or titles: a bare "nom" column next
     *                      to it holds surnames
     */
    List<Detected> detected(boolean personsBeside) {
        List<Detected> detected = new ArrayList<>();
        Signal emails = expectedBySchema() ? personalEmails : personalEmails.plus(otherEmails);
        if (emails.count > 0) {
            detected.add(new Detected(PersonalDataKind.EMAIL, emails));
        }
        // In a column the schema expects, mobiles count when they outnumber switchboards.
        if (mobiles.count > 0 && (!expectedBySchema() || mobiles.count > fixedLines)) {
            detected.add(new Detected(PersonalDataKind.PHONE, mobiles));
        }
        if (nirs.count > 0) {
            detected.add(new Detected(PersonalDataKind.NIR, nirs));
        }
        if (ibans.count > 0) {
            detected.add(new Detected(PersonalDataKind.IBAN, ibans));
        }
        personNames(personsBeside).ifPresent(names -> detected.add(new Detected(PersonalDataKind.PERSON_NAME, names)));
        return detected;
    }

    private Optional<Signal> personNames(boolean personsBeside) {
        if (expectedBySchema()) {
            return Optional.empty();
        }
        boolean flagged = switch (header) {
            // No header clue: the values alone must leave no doubt.
            case NONE -> fullNames.count >= 3 && fullNames.count * 10 >= nonEmpty * 8;
            case BARE_NAME -> personsBeside ? mostly(headerLike.count) : mostly(fullNames.count);
            case FULL_NAME, FIRST_NAME, SURNAME, CIVILITY, BIRTH_DATE -> mostly(headerLike.count);
        };
        if (!flagged) {
            return Optional.empty();
        }
        boolean byHeader = header != PersonNames.Header.NONE && (header != PersonNames.Header.BARE_NAME || personsBeside);
        return Optional.of(byHeader ? headerLike : fullNames);
    }

    /** At least half of the non-empty cells, and at least one. */
    private boolean mostly(long count) {
        return count > 0 && count * 2 >= nonEmpty;
    }

    /** Personal data of one kind in this column. */
    record Detected(PersonalDataKind kind, Signal signal) {
    }

    /** A count and its first distinct masked samples. */
    static final class Signal {
        long count;
        final List<String> samples = new ArrayList<>(PersonalDataFinding.MAX_SAMPLES);

        void add(String maskedSample) {
            count++;
            if (samples.size() < PersonalDataFinding.MAX_SAMPLES && !samples.contains(maskedSample)) {
                samples.add(maskedSample);
            }
        }

        Signal plus(Signal other) {
            Signal sum = new Signal();
            sum.count = count + other.count;
            for (String sample : samples) {
                sum.samples.add(sample);
            }
            for (String sample : other.samples) {
                if (sum.samples.size() < PersonalDataFinding.MAX_SAMPLES && !sum.samples.contains(sample)) {
                    sum.samples.add(sample);
                }
            }
            return sum;
        }
    }
}
