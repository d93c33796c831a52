package io.tapintercom.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each thread reuses one generator and buffer: a record must come out the same whatever came before it. */
class RecordEncoderTest {
    private final RecordEncoder encoder = new RecordEncoder(true);

    @Test
    void recordAfterRecordEachIsItsOwnJsonWhateverTheSizesBeforeIt() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            // Sizes from a few bytes to beyond the buffer kept between records (16 KB).
            ObjectNode record = Json.object().put("id", Integer.toString(i)).put("body", "é\u0000x".repeat(random.nextInt(
                    i % 10 == 0 ? 12_000 : 50)));
            record.putArray("tags").add(i).add("t");
            String expected = Json.MAPPER.writeValueAsString(record).replace("\\u0000", "");

            assertEquals(expected, encoder.encode(record, List.of("id")).toString(), "record " + i);
        }
    }

    @Test
    void aRecordThatFailsHalfWrittenLeavesNothingBehindForTheNext() {
        ObjectNode record = Json.object().put("id", "1");
        assertThrows(IllegalStateException.class, () -> encoder.encode(g -> {
            g.writeFieldName("partial");
            g.writeStartArray();
            g.writeString("left open");
            throw new IllegalStateException("a value that cannot be written");
        }, record));

        assertEquals("{\"id\":\"1\"}", encoder.encode(record, List.of("id")).toString());
    }
}
