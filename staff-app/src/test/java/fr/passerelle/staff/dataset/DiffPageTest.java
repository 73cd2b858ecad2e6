package fr.passerelle.staff.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.staff.services.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffPageTest {

    @Test
    void sampleRowsFollowTheComparedColumnsOrder() {
        Api.Diff diff = new Api.Diff(3, 2, "KEY", "id_local", 2, 2, 1, 1, 1L, 0,
                new Api.DiffColumns(List.of("id_local", "capacite"), List.of(), List.of("ancienne")),
                new Api.DiffSamples(List.of(Map.of("capacite", "8", "id_local", "STSI04")),
                        List.of(Map.of("id_local", "STSI02")),
                        List.of(new Api.ChangedRow("STSI01", List.of(new Api.CellChange("capacite", "8", "12"))))),
                List.of());
        DiffPage page = DiffPage.of(diff);
        assertTrue(page.byKey());
        assertEquals(List.of(List.of("STSI04", "8")), page.addedRows());
        assertEquals(List.of(List.of("STSI02", "")), page.removedRows(), "a cell the sample lacks is empty");
        assertEquals("12", page.changedRows().get(0).changes().get(0).after());
        assertEquals(List.of("ancienne"), page.removedColumns());
    }

    @Test
    void aWholeRowComparisonWithoutSamplesIsShownEmpty() {
        DiffPage page = DiffPage.of(new Api.Diff(2, 1, "WHOLE_ROW", null, 1, 1, 0, 0, null, 1, null, null, null));
        assertEquals(List.of(), page.addedRows());
        assertEquals(List.of(), page.changedRows());
        assertEquals(List.of(), page.notes());
    }
}
