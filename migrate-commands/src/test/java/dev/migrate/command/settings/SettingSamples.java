package dev.migrate.command.settings;

import java.util.Locale;

/** Values the faces' parity tests give each setting: one each type reads, other than the usual default. */
public final class SettingSamples {
    private SettingSamples() {}

    /** A value {@code type} reads, other than the usual default. */
    public static String of(SettingType<?> type) {
        if (type.equals(SettingType.DURATION)) {
            return "7s";
        }
        if (type.equals(SettingType.COUNT)) {
            return "2";
        }
        if (type.equals(SettingType.FLAG)) {
            return "true";
        }
        String[] choices = type.name().split("\\|", -1);
        return choices.length > 1 ? choices[choices.length - 1].toUpperCase(Locale.ROOT) : "sample_text";
    }
}
