package dev.migrate.maven.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CurvesPlotTest {
    private static final Pattern POINT = Pattern.compile("<circle cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"");

    @Test
    void theTablesARunWritesReadBackAsTheFiguresItDrew() {
        Curves curves = new Curves();
        curves.add("alembic current", "revisions", 1000, timing(754, 53_100));
        curves.add("alembic current", "revisions", 10_000, timing(53_799, 99_400));
        curves.add("bin/migrate current at head", "revisions", 1000, timing(375, 61_000));
        curves.add("bin/migrate current at head", "revisions", 10_000, timing(475, 105_000));
        curves.add("mvn validate (Maven's own start)", "revisions", 1000, new Timing(List.of(700L, 650L, 720L)));
        curves.add("mvn validate (Maven's own start)", "revisions", 10_000, new Timing(List.of(710L)));

        List<CurvesPlot.Line> read = CurvesPlot.read(curves.tables());

        // sizes and medians as drawn during the run; the resident set as the table rounds it, none where none was
        // measured
        assertThat(read)
                .extracting(CurvesPlot.Line::figure)
                .containsExactly("alembic current", "bin/migrate current at head", "mvn validate (Maven's own start)");
        assertThat(read.get(0).points())
                .containsExactly(new CurvesPlot.Point(1000, 754, 52), new CurvesPlot.Point(10_000, 53_799, 97));
        assertThat(read.get(2).points())
                .containsExactly(new CurvesPlot.Point(1000, 700, -1), new CurvesPlot.Point(10_000, 710, -1));
        assertThat(read.get(1).unit()).isEqualTo("revisions");
        assertThat(read.get(0).peer()).isTrue();
        assertThat(read.get(1).peer()).isFalse();
    }

    @Test
    void aCostInProportionToTheWorkRunsParallelToTheGuideAndAPeersLineIsDashed() {
        CurvesPlot.Line proportional = new CurvesPlot.Line(
                "mvn migrate:upgrade",
                "revisions",
                List.of(new CurvesPlot.Point(1000, 2_000, 100), new CurvesPlot.Point(10_000, 20_000, 1000)));
        CurvesPlot.Line flat = new CurvesPlot.Line(
                "alembic current",
                "revisions",
                List.of(new CurvesPlot.Point(1000, 500, 50), new CurvesPlot.Point(10_000, 500, 50)));

        String svg = CurvesPlot.svg("revisions", List.of(proportional, flat));

        Matcher guide = Pattern.compile(
                        "<line x1=\"([\\d.]+)\" y1=\"([\\d.]+)\" x2=\"([\\d.]+)\" y2=\"([\\d.]+)\" stroke=\"#bbb\"")
                .matcher(svg);
        assertThat(guide.find()).isTrue();
        double guideSlope = (Double.parseDouble(guide.group(4)) - Double.parseDouble(guide.group(2)))
                / (Double.parseDouble(guide.group(3)) - Double.parseDouble(guide.group(1)));
        Matcher points = POINT.matcher(svg);
        double[] xy = new double[8];
        for (int i = 0; i < 4; i++) {
            assertThat(points.find()).isTrue();
            xy[2 * i] = Double.parseDouble(points.group(1));
            xy[2 * i + 1] = Double.parseDouble(points.group(2));
        }
        // the time panel's points: the proportional line's two, then the flat one's
        double slope = (xy[3] - xy[1]) / (xy[2] - xy[0]);
        assertThat(slope).isCloseTo(guideSlope, org.assertj.core.data.Offset.offset(0.01));
        assertThat(slope).isNegative(); // up the picture as it grows
        assertThat(xy[7]).isEqualTo(xy[5]);
        // a path a panel for each line, the peer's dashed
        assertThat(Pattern.compile("<path d=").matcher(svg).results().count()).isEqualTo(4);
        assertThat(Pattern.compile("<path d=[^>]*stroke-dasharray")
                        .matcher(svg)
                        .results()
                        .count())
                .isEqualTo(2);
    }

    private static Timing timing(long millis, long peakRssKb) {
        return new Timing(List.of(millis), List.of(new Timing.Figures(peakRssKb, 1.0, -1, -1)));
    }
}
