package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A magic after '=' becomes a lineMagic call; text that only looks like one stays as it is. */
class MagicExpressionTest {
    @Test
    void aMagicAfterEqualsBecomesALineMagicCall() throws CellFailure {
        assertEquals("List<String> added = lineMagic(\"jars\", java.util.List.of(\"lib/*.jar\"));",
                MagicExpression.asCall("List<String> added = %jars lib/*.jar;", 1));
        assertEquals("var p = lineMagic(\"classpath\", java.util.List.of(\"a\\\\\\\"b\", \"c\"))",
                MagicExpression.asCall("var p =%classpath a\\\"b   c", 1), "arguments quoted as Java strings");
        assertEquals("x = lineMagic(\"mavenRepo\", java.util.List.of())", MagicExpression.asCall("x = %mavenRepo", 1));
    }

    @Test
    void textThatOnlyLooksLikeAMagicStaysText() throws CellFailure {
        assertNull(MagicExpression.asCall("String f = \"x = %d\";", 1));
        assertNull(MagicExpression.asCall("printf(\"a=%d%n\", 3);", 1));
        assertNull(MagicExpression.asCall("int a = 5 % 2;", 1));
        assertNull(MagicExpression.asCall("int b = 1; // c = %jars x", 1));
        assertNull(MagicExpression.asCall("= %jars x", 1), "a line starting with '=' has nothing to assign to");
    }

    @Test
    void anUnknownMagicNamesItAndItsLine() {
        CellFailure f = assertThrows(CellFailure.class, () -> MagicExpression.asCall("var n = %nosuch x;", 3));
        assertEquals("UnknownMagic", f.ename);
        assertEquals("unknown magic %nosuch at cell line 3; the kernel knows " + Magics.KNOWN, f.evalue);
    }
}
