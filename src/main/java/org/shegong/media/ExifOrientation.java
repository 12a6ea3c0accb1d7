package org.shegong.media;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation flag of a JPEG (a phone stores the sensor's pixels and says "rotate 90°" in this flag),
 * and the turn that makes the pixels stand as the photographer saw them. Re-encoding drops EXIF, so the flag must
 * be applied to the pixels first or the photo is shown lying on its side. Only the segments before the image data
 * are read, at most 64 KB of them; anything malformed counts as "no flag" (1), never as an error.
 */
final class ExifOrientation {

    private static final int MAX_HEADER = 64 * 1024;

    private ExifOrientation() {
    }

    /** 1 (as stored) to 8; 1 for anything that is not a JPEG with a readable flag. */
    static int of(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return 1;
            }
            int read = 2;
            while (read < MAX_HEADER) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA) {
                    return 1; // start of scan: no EXIF before the image data
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    return 1;
                }
                byte[] segment = new byte[length - 2];
                in.readFully(segment);
                read += 2 + length;
                if (marker == 0xFFE1 && segment.length > 14 && segment[0] == 'E' && segment[1] == 'x'
                        && segment[2] == 'i' && segment[3] == 'f') {
                    return fromTiff(segment, 6);
                }
            }
        } catch (EOFException e) {
            return 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
        return 1;
    }

    /** Reads tag 0x0112 of IFD0 from the TIFF structure starting at {@code base}. */
    static int fromTiff(byte[] b, int base) {
        boolean little = b[base] == 'I' && b[base + 1] == 'I';
        if (!little && !(b[base] == 'M' && b[base + 1] == 'M')) {
            return 1;
        }
        int ifd = base + int32(b, base + 4, little);
        if (ifd < base || ifd + 2 > b.length) {
            return 1;
        }
        int entries = int16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > b.length) {
                return 1;
            }
            if (int16(b, entry, little) == 0x0112) {
                int value = int16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The image turned (and mirrored) as the flag says; the same image for 1. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        boolean swap = orientation >= 5;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR), 0, 0);
        } finally {
            g.dispose();
        }
        return turned;
    }

    private static int int16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int int32(byte[] b, int at, boolean little) {
        return little ? int16(b, at, true) | int16(b, at + 2, true) << 16
                : int16(b, at, false) << 16 | int16(b, at + 2, false);
    }
}
