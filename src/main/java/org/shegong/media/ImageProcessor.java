package org.shegong.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Re-encodes an uploaded image from its decoded pixels, so nothing of the uploaded file survives but the
 * picture: no EXIF (GPS, camera serial), no comments, no bytes appended after the image (a GIF/JS polyglot).
 * The pixel count is read from the header before anything is decoded, so a small file that expands to
 * gigabytes (a decompression bomb) is refused without allocating. Decoding is limited to a few at a time
 * because one 40-megapixel image needs about 160 MB of heap.
 */
public class ImageProcessor {

    /** Widths of the smaller copies for srcset; the smallest is also the listing thumbnail. */
    public static final int[] WIDTHS = {320, 640, 1280};

    private final long maxPixels;
    private final Semaphore decoding;

    public ImageProcessor(long maxPixels, int concurrentDecodes) {
        this.maxPixels = maxPixels;
        this.decoding = new Semaphore(concurrentDecodes);
    }

    /** The re-encoded image and its smaller copies, each as bytes with its extension. */
    public record Processed(Encoded original, int width, int height, List<Variant> variants) {
    }

    public record Encoded(byte[] bytes, String extension, String contentType) {
    }

    public record Variant(int width, Encoded image) {
    }

    public Processed process(Path file) throws IOException {
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to decode", e);
        }
        try {
            // The flag is lost with EXIF on re-encoding, so it is applied to the pixels here.
            BufferedImage image = ExifOrientation.apply(decode(file), ExifOrientation.of(file));
            boolean alpha = image.getColorModel().hasAlpha();
            Encoded original = encode(image, alpha);
            List<Variant> variants = new ArrayList<>();
            for (int width : WIDTHS) {
                if (width < image.getWidth()) {
                    variants.add(new Variant(width, encode(scale(image, width), alpha)));
                }
            }
            return new Processed(original, image.getWidth(), image.getHeight(), variants);
        } finally {
            decoding.release();
        }
    }

    private BufferedImage decode(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw UploadRejected.badRequest("无法读取这张图片，请另存为 JPEG 或 PNG 后上传");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > maxPixels) {
                    throw UploadRejected.tooLarge("图片像素过多（" + width + "×" + height + "），最多 "
                            + maxPixels / 1_000_000 + " 百万像素。请缩小后上传");
                }
                return reader.read(0);
            } catch (javax.imageio.IIOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw UploadRejected.badRequest("图片已损坏或格式不受支持，请另存为 JPEG 或 PNG 后上传");
            } finally {
                reader.dispose();
            }
        }
    }

    /** Photos become JPEG; images with transparency (logos, charts) stay lossless PNG. */
    private static Encoded encode(BufferedImage image, boolean alpha) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (alpha) {
            ImageIO.write(image, "png", bytes);
            return new Encoded(bytes.toByteArray(), "png", "image/png");
        }
        BufferedImage rgb = image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR
                ? image : toRgb(image);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.86f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return new Encoded(bytes.toByteArray(), "jpg", "image/jpeg");
    }

    private static BufferedImage toRgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return rgb;
    }

    /** Halves in steps and finishes bilinearly: one bilinear step from 5000 to 320 pixels would alias badly. */
    static BufferedImage scale(BufferedImage source, int targetWidth) {
        BufferedImage current = source;
        int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        int width = source.getWidth();
        int height = source.getHeight();
        do {
            width = Math.max(targetWidth, width / 2);
            int h = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
            height = h;
            BufferedImage next = new BufferedImage(width, height, type);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, width, height, null);
            g.dispose();
            current = next;
        } while (width > targetWidth);
        return current;
    }
}
