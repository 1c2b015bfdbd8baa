package nnlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Json: parse and write round trip, the escapes, numbers, raw JSON, and bad input named by position. */
class JsonTest {
    @Test
    void roundTrip() {
        String text = "{\"a\":[1,2.5,-3e-2,true,false,null],\"b\":{\"c\":\"x\\\"y\\n\\u00e9\"}}";
        assertEquals(text.replace("\\u00e9", "\u00e9").replace("-3e-2", "-0.03"), Json.write(Json.parseObject(text)));
        assertEquals(List.of(1L, 2.5, true), Json.parse(" [1, 2.5, true] "));
    }

    @Test
    void writesNestedMapsInOrderWithNullAndEscapedControlCharacters() {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("kind", "display");
        msg.put("id", null);
        msg.put("data", Map.of("text/plain", "a\"b\\c\td\u0001"));
        assertEquals("{\"kind\":\"display\",\"id\":null,\"data\":{\"text/plain\":\"a\\\"b\\\\c\\td\\u0001\"}}", Json.write(msg));
        assertEquals("[null,null,7,{\"x\":1}]", Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, 7, new Json.Raw("{\"x\":1}"))));
    }

    @Test
    void badJsonNamesThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parseObject("{\"a\":}"));
        assertEquals("bad JSON at character 5: expected a value in {\"a\":}", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
        assertEquals("expected a JSON object, got: [1]", e.getMessage());
    }
}
