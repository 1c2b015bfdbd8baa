package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AssistTest {
    @Test
    void firstSentenceDropsTagsAndKeepsCodeText() {
        assertEquals("Returns the greater of two int values.",
                Assist.firstSentence("Returns the greater of two {@code int} values. That is, the result..."));
        assertEquals("A bold claim", Assist.firstSentence("A <b>bold</b>\n   claim"));
        assertEquals("", Assist.firstSentence(null));
        assertEquals("Zeros, e.g. zeros(3, 5), i.e. all 0.", Assist.firstSentence("Zeros, e.g. zeros(3, 5), i.e. all 0. More."));
        assertEquals("Same as transpose().", Assist.firstSentence("Same as {@link #transpose()}. More."));
    }

    @Test
    void magicLinesAreBlankedKeepingOffsets() {
        String cell = "%time\nint x = 1;";
        String blanked = Assist.blankMagics(cell);
        assertEquals(cell.length(), blanked.length());
        assertEquals("     \nint x = 1;", blanked);
    }
}
