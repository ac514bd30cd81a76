package dev.migrate.pictures;

import java.util.Locale;

/**
 * The SVG and HTML text of the pictures: escaping and the figures' numbers. Text is measured in a
 * monospace font, so a label's width is its length times {@link #CHAR_WIDTH} wherever it is drawn.
 */
final class Svg {
    static final double FONT_SIZE = 12;
    /** The advance of one character of a 12 px monospace font, with a little room to spare. */
    static final double CHAR_WIDTH = 7.4;

    static final String FONT = "font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"12\"";

    private Svg() {}

    /** {@code text} safe inside an XML element or attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** A coordinate with at most one decimal, never in a locale's spelling. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
    }

    /**
     * The start of a {@code <rect>} at {@code x}, {@code y} of {@code width} by {@code height}, after
     * {@code attributes} (none when empty); the caller adds the rest of its attributes and the end.
     */
    static String rect(String attributes, double x, double y, double width, double height) {
        return "<rect " + (attributes.isEmpty() ? "" : attributes + " ") + "x=\"" + number(x) + "\" y=\"" + number(y)
                + "\" width=\"" + number(width) + "\" height=\"" + number(height) + "\"";
    }

    static double textWidth(String text) {
        return text.length() * CHAR_WIDTH;
    }

    /** The opening tag of a picture {@code width} by {@code height} with a white background. */
    static String open(double width, double height, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(width) + "\" height=\"" + number(height)
                + "\" viewBox=\"0 0 " + number(width) + " " + number(height) + "\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    }
}
