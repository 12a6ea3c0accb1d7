package org.shegong.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Files of every allowed kind and hostile ones, made in code so the tests show exactly what they contain. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return write(image, "jpeg");
    }

    static byte[] png(int width, int height, boolean alpha) throws IOException {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 30, 30, alpha ? 128 : 255));
        g.fillRect(2, 2, width - 4, height - 4);
        g.dispose();
        return write(image, "png");
    }

    /** A PNG of random pixels: does not compress, so its size is about width × height × 3. */
    static byte[] noisyPng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return write(image, "png");
    }

    static byte[] gif(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return write(image, "gif");
    }

    /** A lossless 1×1 WebP (no WebP encoder ships with the JDK). */
    static byte[] webp() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    /** A JPEG carrying an EXIF block with a GPS position and a description, inserted after SOI. */
    static byte[] jpegWithGps(int width, int height) throws IOException {
        byte[] plain = jpeg(width, height);
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0: ImageDescription (ASCII, at 50) and the GPS IFD pointer (at 80)
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(20).putInt(50);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(80);
        tiff.putInt(0);
        tiff.position(50);
        tiff.put("SECRET-HOME-39.9042N\0".getBytes(StandardCharsets.US_ASCII));
        // GPS IFD: GPSLatitudeRef 'N', GPSLongitudeRef 'E'
        tiff.position(80);
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
        tiff.putInt(0);
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG whose header claims 30000 × 30000 pixels (900 megapixels, 3.6 GB decoded) with a tiny body. */
    static byte[] decompressionBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(30000).putInt(30000).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        int n = deflater.deflate(buffer);
        byte[] idat = new byte[n];
        System.arraycopy(buffer, 0, idat, 0, n);
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
                + "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A PDF whose body is also an HTML page with a script, for a browser that would sniff it. */
    static byte[] pdfHtmlPolyglot() {
        return ("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"
                + "1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A real GIF with a script appended after its trailer. */
    static byte[] gifJsPolyglot() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gif(16, 16));
        out.write("\n/*<script>*/alert(document.domain)//</script>".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] ooxml(String mainPart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(mainPart));
            zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("申报表.txt"));
            zip.write("社会工作".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** The start of an OLE2 compound document (legacy .doc/.xls/.ppt). */
    static byte[] ole2() {
        byte[] bytes = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    static byte[] mp4() {
        ByteBuffer box = ByteBuffer.allocate(32 + 16);
        box.putInt(32).put("ftypisom".getBytes(StandardCharsets.US_ASCII)).putInt(0x200)
                .put("isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII));
        box.putInt(16).put("mdat".getBytes(StandardCharsets.US_ASCII)).putLong(0);
        return box.array();
    }

    static byte[] webm() {
        return new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01,
                0x42, (byte) 0xF7, (byte) 0x81, 0x01, 0x42, (byte) 0xF2, (byte) 0x81, 0x04, 0x42, (byte) 0xF3,
                (byte) 0x81, 0x08, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm', 0x42, (byte) 0x87, (byte) 0x81,
                0x04, 0x42, (byte) 0x85, (byte) 0x81, 0x02, 0x18, 0x53, (byte) 0x80, 0x67, 0x01, 0, 0, 0, 0, 0, 0, 0};
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("No writer for " + format);
        }
        return out.toByteArray();
    }
}
