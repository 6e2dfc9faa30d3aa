package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text colour of the status pages against what it stands on, in light and dark mode, has the
 * contrast WCAG 2.1 AA asks of normal-size text (4.5:1), computed as WCAG defines it.
 */
class ColourContrastTest {

    private static final double AA = 4.5;
    private static final List<String> TONES = List.of("ok", "degraded", "partial", "major", "maintenance", "neutral");
    private static final Pattern VARIABLE = Pattern.compile("--([\\w-]+):\\s*(#[0-9a-fA-F]{6})");
    private static final Pattern TONE_ON = Pattern.compile("\\.tone-(\\w+)\\s*\\{[^}]*--tone-on:\\s*([^;]+);");

    @Test
    void everyTextColourMeetsWcagAaInLightAndDarkMode() throws IOException {
        String css = stylesheet();
        String[] modes = css.split("@media \\(prefers-color-scheme: dark\\)", 2);
        Map<String, String> light = variables(modes[0]);
        Map<String, String> dark = new HashMap<>(light);
        dark.putAll(variables(modes[1].substring(0, modes[1].indexOf("}\n}"))));
        Map<String, String> toneOn = new HashMap<>();
        Matcher on = TONE_ON.matcher(css);
        while (on.find()) {
            toneOn.put(on.group(1), on.group(2).trim());
        }

        List<String> failing = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> mode : Map.of("light", light, "dark", dark).entrySet()) {
            Map<String, String> colours = mode.getValue();
            for (String ground : List.of("surface", "bg")) {
                for (String text : List.of("text", "muted", "link")) {
                    check(failing, mode.getKey(), text + " on " + ground, colours.get(text), colours.get(ground));
                }
                for (String tone : TONES) {
                    check(failing, mode.getKey(), tone + "-text on " + ground, colours.get(tone + "-text"),
                            colours.get(ground));
                }
            }
            for (String tone : TONES) {
                check(failing, mode.getKey(), "text on the " + tone + " fill", resolve(toneOn.get(tone), colours),
                        colours.get(tone));
            }
        }
        assertThat(failing).isEmpty();
    }

    private static void check(List<String> failing, String mode, String pair, String foreground, String background) {
        double ratio = contrast(foreground, background);
        if (ratio < AA) {
            failing.add(String.format("%s: %s is %.2f:1 (%s on %s)", mode, pair, ratio, foreground, background));
        }
    }

    /** WCAG 2.1's contrast ratio of two sRGB colours, from their relative luminance. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    private static String resolve(String value, Map<String, String> colours) {
        return value.startsWith("var(--") ? colours.get(value.substring(6, value.length() - 1)) : value;
    }

    private static Map<String, String> variables(String css) {
        Map<String, String> variables = new HashMap<>();
        Matcher variable = VARIABLE.matcher(css);
        while (variable.find()) {
            variables.put(variable.group(1), variable.group(2).toLowerCase());
        }
        return variables;
    }

    private static String stylesheet() throws IOException {
        try (InputStream css = ColourContrastTest.class.getResourceAsStream("/static/css/sitrep.css")) {
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
