package nnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private static UnaryOperator<String> env(String name, String value) {
        return Map.of(name, value)::get;
    }

    @Test
    void unsetVariableLeavesTheFullCount() {
        assertEquals(100, Limits.cap(100, Limits.MAX_EPOCH, name -> null));
        assertEquals(100, Limits.cap(100, Limits.MAX_EPOCH, env(Limits.MAX_EPOCH, "  ")));
    }

    @Test
    void smallerLimitCaps() {
        assertEquals(2, Limits.cap(100, Limits.MAX_EPOCH, env(Limits.MAX_EPOCH, "2")));
        assertEquals(300, Limits.cap(1797, Limits.DATASET_LIMIT, env(Limits.DATASET_LIMIT, " 300 ")));
    }

    @Test
    void largerLimitKeepsTheFullCount() {
        assertEquals(20, Limits.cap(20, Limits.MAX_EPOCH, env(Limits.MAX_EPOCH, "50")));
    }

    @Test
    void otherVariableIsIgnored() {
        assertEquals(20, Limits.cap(20, Limits.MAX_EPOCH, env(Limits.DATASET_LIMIT, "3")));
    }

    @Test
    void nonNumericValueNamesTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limits.cap(20, Limits.MAX_EPOCH, env(Limits.MAX_EPOCH, "two")));
        assertEquals("Limits: environment variable NNLAB_MAX_EPOCH must be a positive integer, got \"two\"",
                e.getMessage());
    }

    @Test
    void zeroOrNegativeValueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limits.cap(20, Limits.DATASET_LIMIT, env(Limits.DATASET_LIMIT, "0")));
        assertEquals("Limits: environment variable NNLAB_DATASET_LIMIT must be a positive integer, got 0",
                e.getMessage());
    }

    @Test
    void negativeFullCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limits.cap(-1, Limits.MAX_EPOCH, name -> null));
        assertEquals("Limits: full count must be >= 0, got -1", e.getMessage());
    }

    @Test
    void publicMethodsReadTheProcessEnvironment() {
        String set = System.getenv(Limits.MAX_EPOCH);
        int expected = set == null || set.isBlank() ? 7 : Math.min(7, Integer.parseInt(set.trim()));
        assertEquals(expected, Limits.epochs(7));
    }
}
