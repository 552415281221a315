package io.skillsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;


/** Repeats found by sorting packed keys, in plain JUnit: same (agent, skill) grouped in file order, ended rows left out. */
class RepeatedRowsTest {

    @Test
    void rowsAboutTheSameAgentAndSkillAreOneGroupInFileOrder() {
        List<Row> rows = new ArrayList<>();
        Row a1 = row(rows, 2, 1001, 7);
        row(rows, 3, 1001, 8);
        Row b1 = row(rows, 4, 1002, 7);
        Row a2 = row(rows, 5, 1001, 7);
        Row b2 = row(rows, 6, 1002, 7);
        Row a3 = row(rows, 7, 1001, 7);
        row(rows, 8, 1002, 8);

        List<List<Integer>> lines = RepeatedRows.in(rows).stream()
                .map(group -> group.stream().map(Row::line).toList()).sorted((x, y) -> x.get(0) - y.get(0)).toList();
        assertEquals(List.of(List.of(a1.line(), a2.line(), a3.line()), List.of(b1.line(), b2.line())), lines);
    }

    @Test
    void aRowThatAlreadyEndedIsNoRepeat() {
        List<Row> rows = new ArrayList<>();
        row(rows, 2, 1001, 7);
        row(rows, 3, 1001, 7).end(Outcome.REJECTED, "proficiency: 0 is below 1");
        assertEquals(List.of(), RepeatedRows.in(rows));
    }

    static Row row(List<Row> rows, int line, long agentId, long skillId) {
        Row row = new Row(line);
        row.resolvedTo(agentId, skillId);
        row.wants(5, true);
        rows.add(row);
        return row;
    }
}
