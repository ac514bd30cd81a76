package dev.migrate.command.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text back into a {@link Json} value: {@code JsonReader.read(text)}. For a tool in Java that reads
 * the output document, and for the tests that check it; fractions and exponents are refused, as the document
 * has none.
 */
public final class JsonReader {
    private final String text;
    private int at;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * The one value {@code text} holds, blanks around it allowed.
     *
     * @throws IllegalArgumentException naming the offset where the text stops being JSON
     */
    public static Json read(String text) {
        JsonReader reader = new JsonReader(text);
        Json value = reader.value();
        reader.blanks();
        if (reader.at != text.length()) {
            throw reader.error("the end of the text");
        }
        return value;
    }

    private Json value() {
        blanks();
        if (at >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return object();
        } else if (c == '[') {
            return array();
        } else if (c == '"') {
            return new Json.Text(string());
        } else if (text.startsWith("true", at)) {
            at += 4;
            return Json.bool(true);
        } else if (text.startsWith("false", at)) {
            at += 5;
            return Json.bool(false);
        } else if (text.startsWith("null", at)) {
            at += 4;
            return Json.Null.NULL;
        } else if (c == '-' || Character.isDigit(c)) {
            int start = at;
            at++;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            return Json.number(Long.parseLong(text.substring(start, at)));
        }
        throw error("a value");
    }

    private Json object() {
        at++;
        Map<String, Json> members = new LinkedHashMap<>();
        blanks();
        if (peek() == '}') {
            at++;
            return new Json.Obj(members);
        }
        while (true) {
            blanks();
            if (peek() != '"') {
                throw error("a member's name");
            }
            String name = string();
            blanks();
            expect(':');
            members.put(name, value());
            blanks();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return new Json.Obj(members);
            }
        }
    }

    private Json array() {
        at++;
        List<Json> items = new ArrayList<>();
        blanks();
        if (peek() == ']') {
            at++;
            return new Json.Array(items);
        }
        while (true) {
            items.add(value());
            blanks();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return new Json.Array(items);
            }
        }
    }

    private String string() {
        at++; // the opening quote
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("four hexadecimal digits");
                    }
                    value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> value.append(escaped);
            }
        }
        throw error("the closing quote of a string");
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        at++;
    }

    private void blanks() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("Not JSON at offset " + at + ": expected " + expected + ", found "
                + (at < text.length() ? "'" + text.charAt(at) + "'" : "the end") + ".");
    }
}
