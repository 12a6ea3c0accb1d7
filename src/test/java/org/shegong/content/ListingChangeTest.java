package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shegong.content.ListingChange.Row;
import org.shegong.content.ListingRepository.Anchor;

class ListingChangeTest {

    private static final Instant AT = Instant.parse("2021-08-27T02:15:30.123456Z");

    @Test
    void aPayloadReadsBackAsTheSameChange() {
        ListingChange change = new ListingChange(7, List.of(new Row(3, AT)),
                List.of(new Row(3, AT.plusSeconds(60)), new Row(12, AT.plusSeconds(60))));
        assertThat(change.payload())
                .isEqualTo("listing -3@2021-08-27T02:15:30.123456Z +3@2021-08-27T02:16:30.123456Z"
                        + " +12@2021-08-27T02:16:30.123456Z");
        assertThat(ListingChange.parse(7, change.payload())).contains(change);
        assertThat(change.touched()).extracting(ListingChange.Touched::position)
                .containsExactly(new Anchor(AT, 7), new Anchor(AT.plusSeconds(60), 7), new Anchor(AT.plusSeconds(60), 7));
    }

    @Test
    void anEditThatKeepsTheListingSaysSo() {
        ListingChange none = new ListingChange(7, List.of(), List.of());
        assertThat(none.payload()).isEqualTo("listing");
        assertThat(ListingChange.parse(7, "listing")).hasValueSatisfying(c -> assertThat(c.isEmpty()).isTrue());
    }

    @Test
    void unknownOrDamagedPayloadsAreNotAChange() {
        for (String payload : new String[] {null, "", "listings", "other +3@2021-08-27T02:15:30Z",
                "listing +x@2021-08-27T02:15:30Z", "listing +3@yesterday", "listing *3@2021-08-27T02:15:30Z",
                "listing +3"}) {
            assertThat(ListingChange.parse(7, payload)).as(payload).isEmpty();
        }
    }

    @Test
    void aChangeTooLongForThePayloadColumnIsWrittenAsUnknown() {
        List<Row> many = new ArrayList<>();
        for (long column = 1; column <= 80; column++) {
            many.add(new Row(column, AT));
        }
        assertThat(new ListingChange(7, List.of(), many).payload()).isNull();
        assertThat(new ListingChange(7, List.of(), many.subList(0, 40)).payload()).hasSizeLessThanOrEqualTo(2_000);
    }
}
