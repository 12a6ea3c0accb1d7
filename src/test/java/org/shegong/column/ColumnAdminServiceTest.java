package org.shegong.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.MutableClock;
import org.shegong.system.MutableClockConfig;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.outbox.OutboxWriter;

/** Column tree changes on H2, PostgreSQL and MariaDB: validation, order, moves without cycles, outbox events. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class ColumnAdminServiceTest {

    @Parameter
    DatabaseTarget target;

    TestDatabase db;
    ColumnAdminService service;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(target);
        MutableClock clock = new MutableClock(MutableClockConfig.START);
        service = new ColumnAdminService(db.jdbc(), new ColumnRepository(db.jdbc()), new OutboxWriter(db.jdbc(), clock),
                clock);
    }

    @AfterEach
    void removeTestColumns() {
        // The default columns are shared by every test of this database; only ours go.
        db.jdbc().sql("UPDATE column_node SET parent_id = NULL WHERE slug LIKE 'tst-%'").update();
        db.jdbc().sql("DELETE FROM column_node WHERE slug LIKE 'tst-%'").update();
    }

    private <T> T tx(Supplier<T> work) {
        return db.transactions().execute(status -> work.get());
    }

    private void run(Runnable work) {
        db.transactions().executeWithoutResult(status -> work.run());
    }

    private Column column(long id) {
        return service.current().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private int events() {
        return db.jdbc().sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'column.changed'")
                .query(Integer.class).single();
    }

    @Test
    void addsRenamesHidesAndEveryChangeAppendsAnEvent() {
        long id = tx(() -> service.add(null, "tst-a", " 社工站建设 ", "  "));
        Column added = column(id);
        assertThat(added.name()).isEqualTo("社工站建设");
        assertThat(added.description()).isNull();
        assertThat(added.visible()).isTrue();
        assertThat(service.tree()).last().satisfies(p -> assertThat(p.column().id()).isEqualTo(id));

        run(() -> service.rename(id, "tst-b", "社工站", "乡镇（街道）社工站"));
        run(() -> service.setVisible(id, false));
        assertThat(column(id)).extracting(Column::slug, Column::name, Column::description, Column::visible)
                .containsExactly("tst-b", "社工站", "乡镇（街道）社工站", false);
        assertThat(events()).isEqualTo(3);
    }

    @Test
    void refusesBadOrTakenSlugsEmptyNamesAndUnknownColumnsWithoutWritingAnything() {
        long id = tx(() -> service.add(null, "tst-a", "甲", null));
        int before = events();
        for (String bad : new String[] {"", "Tst-x", "tst_x", "-tst", "tst-", "tst--x", "栏目", "tst x", "a".repeat(65)}) {
            assertThatThrownBy(() -> service.add(null, bad, "名称", null)).isInstanceOf(ColumnChangeException.class)
                    .hasMessageContaining("栏目标识只能由小写字母");
        }
        assertThatThrownBy(() -> service.add(null, "news", "重复", null)).hasMessage("栏目标识“news”已被其他栏目使用");
        assertThatThrownBy(() -> service.rename(id, "policy", "甲", null)).hasMessageContaining("已被其他栏目使用");
        assertThatThrownBy(() -> service.add(null, "tst-b", "  ", null)).hasMessageContaining("栏目名称不能为空");
        assertThatThrownBy(() -> service.add(999_999L, "tst-b", "乙", null)).hasMessage("没有这个栏目")
                .satisfies(e -> assertThat(((ColumnChangeException) e).isNotFound()).isTrue());
        assertThatThrownBy(() -> service.setVisible(999_999L, true)).hasMessage("没有这个栏目");
        run(() -> service.rename(id, "tst-a", "甲改", null)); // keeping its own slug is fine
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void movesUpAndDownAmongSiblingsOnly() {
        long parent = tx(() -> service.add(null, "tst-p", "上级", null));
        long a = tx(() -> service.add(parent, "tst-a", "甲", null));
        long b = tx(() -> service.add(parent, "tst-b", "乙", null));
        long c = tx(() -> service.add(parent, "tst-c", "丙", null));
        assertThat(tx(() -> service.shift(c, true))).isTrue();
        assertThat(tx(() -> service.shift(a, true))).isFalse();
        assertThat(tx(() -> service.shift(a, false))).isTrue();
        assertThat(service.tree()).extracting(p -> p.column().slug()).containsSubsequence("tst-p", "tst-c", "tst-a",
                "tst-b");
        assertThat(service.tree()).filteredOn(p -> p.column().slug().startsWith("tst-"))
                .extracting(ColumnAdminService.Placed::depth).containsExactly(0, 1, 1, 1);
        assertThat(tx(() -> service.shift(b, false))).isFalse();
    }

    @Test
    void movesASubtreeUnderAnotherParentAndRefusesCycles() {
        long a = tx(() -> service.add(null, "tst-a", "甲", null));
        long b = tx(() -> service.add(a, "tst-b", "乙", null));
        long c = tx(() -> service.add(b, "tst-c", "丙", null));
        assertThatThrownBy(() -> service.move(a, c)).hasMessage("不能把栏目移到它自己或它的下级栏目之下");
        assertThatThrownBy(() -> service.move(a, a)).hasMessage("不能把栏目移到它自己或它的下级栏目之下");
        run(() -> service.move(c, null));
        assertThat(column(c).parentId()).isNull();
        run(() -> service.move(a, c));
        assertThat(column(a).parentId()).isEqualTo(c);
        assertThat(column(b).parentId()).isEqualTo(a);
        assertThat(service.tree()).filteredOn(p -> p.column().slug().startsWith("tst-"))
                .extracting(p -> p.column().slug() + p.depth()).containsExactly("tst-c0", "tst-a1", "tst-b2");
    }
}
