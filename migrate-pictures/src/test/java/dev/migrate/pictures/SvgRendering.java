package dev.migrate.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/** Draws an SVG with Apache Batik, which rejects what a browser would not draw either. */
final class SvgRendering {
    private SvgRendering() {}

    /** Renders {@code svg} and checks that it drew something other than its white background. */
    static void assertRenders(String svg) {
        BufferedImage[] drawn = new BufferedImage[1];
        ImageTranscoder transcoder = new ImageTranscoder() {
            @Override
            public BufferedImage createImage(int width, int height) {
                return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            }

            @Override
            public void writeImage(BufferedImage image, TranscoderOutput output) {
                drawn[0] = image;
            }
        };
        // drawn at most 1600 px a side: a picture of a hundred tables renders in a fraction of the time
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_MAX_WIDTH, 1600f);
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_MAX_HEIGHT, 1600f);
        try {
            TranscoderInput input = new TranscoderInput(new StringReader(svg));
            input.setURI("file:/picture.svg");
            transcoder.transcode(input, new TranscoderOutput(new ByteArrayOutputStream()));
        } catch (TranscoderException e) {
            throw new AssertionError(
                    "Batik could not render the SVG: " + e.getMessage() + "\n"
                            + new String(svg.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                    e);
        }
        BufferedImage image = drawn[0];
        assertThat(image).isNotNull();
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 128 && ((rgb >> 8) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("dark pixels drawn").isGreaterThan(100);
    }
}
