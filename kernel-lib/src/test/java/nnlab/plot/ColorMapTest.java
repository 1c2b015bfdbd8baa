package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColorMapTest {

    @Test
    void stopsAreHitExactlyAndValuesBetweenAreInterpolated() {
        assertEquals(0xff440154, ColorMap.VIRIDIS.argb(0), "viridis starts dark purple");
        assertEquals(0xfffde725, ColorMap.VIRIDIS.argb(1), "and ends yellow");
        ColorMap ramp = new ColorMap("ramp", 0x000000, 0xff0000);
        assertEquals(0xff800000, ramp.argb(0.5), "half way: 128 of red");
        assertEquals(0xff000000, ramp.argb(-3), "clamped below");
        assertEquals(0xffff0000, ramp.argb(7), "clamped above");
        assertEquals(0, ramp.argb(Double.NaN), "NaN is transparent");
        assertEquals(0xffffffff, ColorMap.GRAY_R.argb(0));
        assertEquals(0xff000000, ColorMap.GRAY_R.argb(1));
    }

    @Test
    void oneStopIsNotAMap() {
        assertEquals("ColorMap bad: needs at least 2 colour stops, got 1",
                assertThrows(IllegalArgumentException.class, () -> new ColorMap("bad", 0xffffff)).getMessage());
        assertEquals("Palette.color: index must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> Palette.color(-1)).getMessage());
        assertEquals(Palette.color(0), Palette.color(10), "the palette wraps after 10 colours");
    }
}
