package org.shegong.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A phone photo's EXIF orientation is applied to the pixels before EXIF is dropped by re-encoding. */
class ExifOrientationTest {

    static final int RED = 0xff0000;

    @TempDir
    Path dir;

    /** A 40×20 image, black but for a red top-left corner (4×4, so JPEG blur cannot move it). */
    static BufferedImage marked() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                image.setRGB(x, y, RED);
            }
        }
        return image;
    }

    /** A JPEG of {@link #marked()} with an APP1 EXIF segment whose IFD0 holds only the orientation tag. */
    static byte[] jpegWithOrientation(int orientation, boolean littleEndian) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(marked(), "jpg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] tiff = littleEndian
                ? new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0, 0, 0, 0, 0}
                : new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        int length = 2 + 6 + tiff.length;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
        out.write(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static boolean red(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        return (rgb >> 16) > 0xc0 && ((rgb >> 8) & 0xff) < 0x40;
    }

    @Test
    void theFlagIsReadInBothByteOrdersAndAnythingElseMeansAsStored() throws IOException {
        for (int orientation = 1; orientation <= 8; orientation++) {
            Path le = Files.write(dir.resolve("le" + orientation + ".jpg"), jpegWithOrientation(orientation, true));
            Path be = Files.write(dir.resolve("be" + orientation + ".jpg"), jpegWithOrientation(orientation, false));
            assertThat(ExifOrientation.of(le)).isEqualTo(orientation);
            assertThat(ExifOrientation.of(be)).isEqualTo(orientation);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(marked(), "png", png);
        assertThat(ExifOrientation.of(Files.write(dir.resolve("a.png"), png.toByteArray()))).isEqualTo(1);
        assertThat(ExifOrientation.of(Files.write(dir.resolve("junk.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1})))
                .isEqualTo(1);
        assertThat(ExifOrientation.of(Files.write(dir.resolve("bad9.jpg"), jpegWithOrientation(9, true))))
                .isEqualTo(1);
    }

    @Test
    void eachOrientationPutsTheStoredTopLeftCornerWhereTheCameraSawIt() {
        // orientation → where the stored top-left corner must end up (w×h = 40×20; 5–8 swap to 20×40)
        int[][] corner = {null, {0, 0}, {39, 0}, {39, 19}, {0, 19}, {0, 0}, {19, 0}, {19, 39}, {0, 39}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage turned = ExifOrientation.apply(marked(), orientation);
            boolean swapped = orientation >= 5;
            assertThat(turned.getWidth()).as("width, orientation " + orientation).isEqualTo(swapped ? 20 : 40);
            assertThat(red(turned, corner[orientation][0], corner[orientation][1]))
                    .as("corner, orientation " + orientation).isTrue();
        }
    }

    @Test
    void anUploadedPhoneJpegIsStoredUpright() throws IOException {
        Path photo = Files.write(dir.resolve("phone.jpg"), jpegWithOrientation(6, false));
        ImageProcessor.Processed processed = new ImageProcessor(40_000_000, 1).process(photo);
        assertThat(processed.width()).isEqualTo(20);
        assertThat(processed.height()).isEqualTo(40);
        BufferedImage stored = ImageIO.read(new java.io.ByteArrayInputStream(processed.original().bytes()));
        assertThat(red(stored, 17, 1)).as("turned 90° clockwise: top-left went to the top right").isTrue();
    }
}
