package io.jfrtrace.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The constants readers use are exactly the names JFR gives each event type and its fields. */
class EventSchemaTest {
    /** What JFR adds to every event itself. */
    private static final Set<String> IMPLICIT = Set.of("startTime", "duration", "eventThread", "stackTrace");
    /** Constants of an event class that name values, not fields. */
    private static final Set<String> NOT_FIELDS = Set.of("NAME", "REQUEST", "TIMEOUT", "SIGNAL", "FATAL", "AUTORANGE", "REPEAT");

    @ParameterizedTest
    @ValueSource(classes = {RecordingInfoEvent.class, FunctionStatsEvent.class, CallerStatsEvent.class,
            AllocationSnapshotEvent.class, AllocationTraceEvent.class, ThreadDumpEvent.class, ThreadStackEvent.class,
            FlushTimerEvent.class, FinalFlushEvent.class, SnapshotTimerEvent.class, FunctionTotalsEvent.class,
            CallerTotalsEvent.class, ProfileCheckpointEvent.class, LineTableEvent.class, LineCountsEvent.class,
            LineTotalsEvent.class, LineCheckpointEvent.class, TimeitRepeatEvent.class, CallTreeNodeEvent.class,
            CallTreeCountsEvent.class, CallTreeTotalsEvent.class, CallTreeCheckpointEvent.class})
    void namesAndFieldConstantsAreWhatJfrRecords(Class<? extends Event> eventClass) throws Exception {
        EventType type = EventType.getEventType(eventClass);
        assertEquals(eventClass.getField("NAME").get(null), type.getName());
        Set<String> recorded = type.getFields().stream().map(ValueDescriptor::getName)
                .filter(n -> !IMPLICIT.contains(n)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> constants = new TreeSet<>();
        for (Field f : eventClass.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !NOT_FIELDS.contains(f.getName())) {
                constants.add((String) f.get(null));
            }
        }
        assertEquals(recorded, constants);
    }
}
