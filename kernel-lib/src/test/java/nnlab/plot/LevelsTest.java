package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LevelsTest {

    @Test
    void roundStepsCoverTheRange() {
        assertArrayEquals(new double[] {-10, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90}, Levels.nice(-2.1, 84.2, 10), 0);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Levels.nice(0, 1, 4), 0);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, Levels.nice(0.1, 0.3, 2), 0, "no 0.30000000000000004");
        assertArrayEquals(new double[] {-5, 0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85},
                Levels.nice(-2.1, 84.2, 20), 0);
    }

    @Test
    void aConstantFieldStillGetsTwoLevels() {
        double[] lv = Levels.nice(3, 3, 10);
        assertEquals(true, lv.length >= 2 && lv[0] <= 3 && lv[lv.length - 1] >= 3);
    }

    @Test
    void badInputIsNamed() {
        assertEquals("Levels.nice: need at least 1 interval, got n=0",
                assertThrows(IllegalArgumentException.class, () -> Levels.nice(0, 1, 0)).getMessage());
        assertEquals("Levels.nice: need finite min <= max, got [2.0, 1.0]",
                assertThrows(IllegalArgumentException.class, () -> Levels.nice(2, 1, 5)).getMessage());
    }
}
