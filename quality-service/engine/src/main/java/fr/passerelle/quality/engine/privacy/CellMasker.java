package fr.passerelle.quality.engine.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks a cell for {@link PrivacyAction#MASK}: the personal items found in it (e-mail addresses,
 * phone numbers, a NIR, an IBAN) are replaced by their masked form, the rest of the text kept, so a
 * comment stays readable; a cell where none is found (a name, a date of birth) is masked whole.
 */
final class CellMasker {

    private CellMasker() {
    }

    static String mask(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        if (SocialSecurityNumbers.isNir(cell)) {
            return SocialSecurityNumbers.mask(cell);
        }
        if (BankAccountNumbers.isIban(cell)) {
            return BankAccountNumbers.mask(cell);
        }
        List<int[]> spans = new ArrayList<>();
        List<String> masks = new ArrayList<>();
        EmailAddresses.find(cell, found -> {
            spans.add(new int[] {found.start(), found.end()});
            masks.add(EmailAddresses.mask(found.address()));
        });
        FrenchPhoneNumbers.find(cell, found -> {
            spans.add(new int[] {found.start(), found.end()});
            masks.add(FrenchPhoneNumbers.mask(found.nationalDigits()));
        });
        if (spans.isEmpty()) {
            return PersonNames.mask(cell);
        }
        return replace(cell, spans, masks);
    }

    /** Replaces the spans, in cell order; a span overlapping an earlier one is skipped (a number inside an address). */
    private static String replace(String cell, List<int[]> spans, List<String> masks) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
        StringBuilder masked = new StringBuilder(cell.length());
        int position = 0;
        for (int i : order) {
            int[] span = spans.get(i);
            if (span[0] < position) {
                continue;
            }
            masked.append(cell, position, span[0]).append(masks.get(i));
            position = span[1];
        }
        return masked.append(cell, position, cell.length()).toString();
    }
}
