package fr.passerelle.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadStatusTest {

    @Test
    void theHappyPathOnlyMovesForward() {
        List<UploadStatus> path = List.of(UploadStatus.RECEIVED, UploadStatus.CHECKING, UploadStatus.CHECKED,
                UploadStatus.AWAITING_APPROVAL, UploadStatus.PUBLISHING, UploadStatus.PUBLISHED);
        for (int i = 1; i < path.size(); i++) {
            assertTrue(path.get(i).rank() > path.get(i - 1).rank(), path.get(i) + " after " + path.get(i - 1));
        }
    }

    @Test
    void exactlyTheEndingsAreFinal() {
        assertEquals(List.of(UploadStatus.PUBLISHED, UploadStatus.REJECTED, UploadStatus.BLOCKED, UploadStatus.REFUSED,
                        UploadStatus.FAILED),
                Arrays.stream(UploadStatus.values()).filter(UploadStatus::isFinal).toList());
    }
}
