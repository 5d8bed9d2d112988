package io.aiosim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A report's long list of int-sized Longs is kept as ints (IntList) and still reads, compares and
 * writes as the list it replaces; any other list is left as it is.
 */
class IntListTest {
  private static List<Object> longs(long... values) {
    List<Object> out = new ArrayList<>();
    for (long v : values) out.add(v);
    return out;
  }

  @Test
  void aLongListOfIntSizedLongsReadsComparesAndWritesAsItself() {
    List<Object> list = longs(LongStream.range(-8, 24).map(v -> v * 1_000_003L).toArray());
    list.set(3, (long) Integer.MAX_VALUE);
    list.set(4, (long) Integer.MIN_VALUE);
    IntList ints = IntList.of(list);
    assertThat(ints).isNotNull().isEqualTo(list).hasSameHashCodeAs(list);
    assertThat(ints.get(3)).isInstanceOf(Long.class).isEqualTo((long) Integer.MAX_VALUE);
    assertThat(ReportWriter.valueToJson(ints)).isEqualTo(ReportWriter.valueToJson(new ArrayList<>(list)));
    assertThat(ReportWriter.valueToJson(List.of(ints, "x"))).isEqualTo(ReportWriter.valueToJson(List.of(list, "x")));
  }

  @Test
  void otherListsAreLeftAsTheyAre() {
    List<Object> longEnough = longs(LongStream.range(0, IntList.LEAST).toArray());
    assertThat(IntList.of(longEnough)).isNotNull();
    assertThat(IntList.of(longEnough.subList(1, IntList.LEAST))).as("too short").isNull();
    for (Object odd : new Object[] {Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, 5, "5", null, 1.0, List.of(1L)}) {
      List<Object> list = new ArrayList<>(longEnough);
      list.set(IntList.LEAST / 2, odd);
      assertThat(IntList.of(list)).as("with %s", odd).isNull();
    }
    assertThat(IntList.of(Collections.nCopies(100, 7L))).hasSize(100).containsOnly(7L);
  }
}
