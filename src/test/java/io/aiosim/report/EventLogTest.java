package io.aiosim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The log keeps a detail that is a Long fitting an int as a value, not as its box (the writer
 * reads a million of them in the order tasks finished), and a time as its low half beside runs of
 * high halves. Every event still reads back as it was added: the same time, the same kind, and a
 * detail equal to the one given and of its class, for every kind and at the edges of an int,
 * before and after the arrays grow, with times that cross 2^32 ns every few events and end at the
 * clock's last instant.
 */
class EventLogTest {
  private static final List<Object> DETAILS =
      Arrays.asList(
          0L, 7L, -1L, 127L, 128L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, Integer.MAX_VALUE + 1L,
          Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE, 5, "5", null, 1.5, BigInteger.TEN, List.of(1L),
          Map.of("k", 2L), new ErrorValue("ValueError", "boom", null));

  @Test
  void everyEventReadsBackAsItWasAdded() {
    EventLog log = new EventLog(task -> "t" + task, 8);
    List<Event> added = new ArrayList<>();
    // A detail of no int first, so the ints' array is made after some events and then grows.
    List<Object> details = new ArrayList<>(DETAILS);
    details.add(0, "first");
    int t = 0;
    for (Event.Kind kind : Event.Kind.values()) {
      for (Object detail : details) {
        int task = t % 3 == 0 ? EventLog.MAIN : t;
        long at = 1_234_567_891L * t;
        log.add(at, task, kind, detail);
        added.add(new Event(at, task == EventLog.MAIN ? "main" : "t" + task, kind, detail));
        t++;
      }
    }
    log.add(Long.MAX_VALUE, 1, Event.Kind.START, null);
    added.add(new Event(Long.MAX_VALUE, "t1", Event.Kind.START, null));
    assertThat(log.size()).isEqualTo(added.size());
    for (int i = 0; i < added.size(); i++) {
      Event want = added.get(i);
      assertThat(log.get(i)).as("event %d", i).isEqualTo(want);
      assertThat(log.timeNs(i)).as("event %d", i).isEqualTo(want.tNs());
      assertThat(log.kind(i)).as("event %d", i).isEqualTo(want.kind());
      Object detail = log.detail(i);
      assertThat(detail).as("event %d", i).isEqualTo(want.detail());
      if (detail != null) assertThat(detail.getClass()).as("event %d", i).isEqualTo(want.detail().getClass());
      boolean fitsInt = want.detail() instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
      assertThat(log.hasIntDetail(i)).as("event %d: %s", i, want.detail()).isEqualTo(fitsInt);
      if (fitsInt) assertThat((long) log.intDetail(i)).isEqualTo(want.detail());
    }
  }
}
