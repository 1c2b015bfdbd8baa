package nnlab.optim;

import static nnlab.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void constant() {
        Schedule s = Schedule.constant(0.05);
        assertEquals(0.05, s.at(0));
        assertEquals(0.05, s.at(99));
    }

    @Test
    void exponentialIsEta0TimesDToTheT() {
        Schedule s = Schedule.exponential(0.1, 0.5);
        assertEquals(0.1, s.at(0), 1e-15);
        assertEquals(0.05, s.at(1), 1e-15);      // 0.1 * 0.5
        assertEquals(0.0125, s.at(3), 1e-15);    // 0.1 * 0.125
    }

    @Test
    void stepMultipliesByGammaEveryStepSizeEpochs() {
        Schedule s = Schedule.step(1.0, 0.1, 3);
        assertEquals(1.0, s.at(0), 1e-15);
        assertEquals(1.0, s.at(2), 1e-15);       // floor(2/3) = 0
        assertEquals(0.1, s.at(3), 1e-15);       // floor(3/3) = 1
        assertEquals(0.01, s.at(7), 1e-15);      // floor(7/3) = 2
    }

    @Test
    void customRuleAndItsChecks() {
        Schedule s = Schedule.of("1/(1+t)", t -> 1.0 / (1 + t));
        assertEquals(0.25, s.at(3));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Schedule.of("zero", t -> 0.0).at(2));
        assertEquals("zero: learning rate at t=2 is 0.0; expected a finite value > 0", e.getMessage());
        assertMessage("Schedule.exponential(eta0=0.1, d=0.5): epoch t must be >= 0, got -1",
                () -> Schedule.exponential(0.1, 0.5).at(-1));
    }

    @Test
    void invalidArguments() {
        assertMessage("Schedule.exponential: eta0 must be > 0, got -0.1", () -> Schedule.exponential(-0.1, 0.9));
        assertMessage("Schedule.exponential: d must be in (0, 1], got 1.5", () -> Schedule.exponential(0.1, 1.5));
        assertMessage("Schedule.step: gamma must be in (0, 1], got 0.0", () -> Schedule.step(0.1, 0, 2));
        assertMessage("Schedule.step: stepSize must be >= 1, got 0", () -> Schedule.step(0.1, 0.5, 0));
        assertMessage("Schedule.constant: eta must be > 0, got NaN", () -> Schedule.constant(Double.NaN));
    }
}
