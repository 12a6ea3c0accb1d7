package org.shegong.media;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an upload of a 20-megapixel photo costs: decode, re-encode and the three srcset copies, as the upload
 * path does it (ImageProcessor), one image at a time and then two at once (the limit on a 2-core node).
 * Prints images per second and the peak heap after each phase. Run by bench/thumbnails.sh at -Xmx512m.
 */
public final class ThumbnailBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Path photo = Files.createTempFile("shegong-bench-20mp-", ".jpg");
        try {
            Files.write(photo, TestFiles.jpeg(5472, 3648));
            System.out.printf("input: 5472x3648 JPEG (%.1f megapixels), %.1f MB%n", 5472 * 3648 / 1e6,
                    Files.size(photo) / 1048576.0);
            ImageProcessor processor = new ImageProcessor(40_000_000L, 2);
            processor.process(photo); // warm-up: class loading and JIT
            resetPeaks();
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                processor.process(photo);
            }
            report("sequential", rounds, start);
            resetPeaks();
            start = System.nanoTime();
            Thread[] threads = new Thread[2];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    try {
                        for (int i = 0; i < rounds / 2; i++) {
                            processor.process(photo);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            report("two at once", rounds / 2 * 2, start);
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    private static void report(String phase, int images, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s: %d images in %.1f s = %.2f images/s (%.0f ms each), peak heap %.0f MB of %d MB%n",
                phase, images, seconds, images / seconds, seconds * 1000 / images, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }
}
