package org.shegong.content.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;

/**
 * Where the files an import file names live: beside it (a directory for the command line, a classpath folder for
 * the demo content). A file field is either the address of an uploaded file ("/media/…", kept as it is) or a
 * path relative to that place, which is stored through {@link ImportMedia} once per run. A path that is absolute,
 * climbs out with "..", or names nothing is refused, so an import file cannot read the server's other files.
 */
public final class MediaFiles {

    /** Only addresses of files already uploaded. */
    public static final MediaFiles NONE = new MediaFiles(null, null, null);

    private final Path directory;
    private final String classpathFolder;
    private final ImportMedia media;
    private final Map<String, String> stored = new ConcurrentHashMap<>();

    private MediaFiles(Path directory, String classpathFolder, ImportMedia media) {
        this.directory = directory;
        this.classpathFolder = classpathFolder;
        this.media = media;
    }

    public static MediaFiles beside(Path importFile, ImportMedia media) {
        Path parent = importFile.toAbsolutePath().normalize().getParent();
        return new MediaFiles(parent, null, media);
    }

    /** Files by their path inside {@code directory} (a WordPress site's wp-content/uploads folder). */
    public static MediaFiles inside(Path directory, ImportMedia media) {
        return new MediaFiles(directory.toAbsolutePath().normalize(), null, media);
    }

    /** Whether files named by a relative path can be stored at all (a folder and the media feature are there). */
    boolean storesFiles() {
        return media != null && (directory != null || classpathFolder != null);
    }

    public static MediaFiles onClasspath(String folder, ImportMedia media) {
        return new MediaFiles(null, folder.endsWith("/") ? folder : folder + "/", media);
    }

    /** The address to store for a file field's value. */
    String resolve(String value) {
        if (value.startsWith("/media/")) {
            return value;
        }
        String relative = value.replace('\\', '/');
        if (relative.startsWith("/") || relative.contains(":") || Path.of(relative).normalize().startsWith("..")
                || relative.contains("/../") || relative.startsWith("../")) {
            throw new ImportRejected("文件路径须相对于导入文件所在目录，且不能含 ..：" + JsonLinesParser.abbreviate(value));
        }
        if (media == null || (directory == null && classpathFolder == null)) {
            throw new ImportRejected("此处只能填写已上传文件的地址（/media/ 开头）：" + JsonLinesParser.abbreviate(value));
        }
        return stored.computeIfAbsent(relative, this::store);
    }

    private String store(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        try (InputStream in = open(relative)) {
            return media.store(name, in);
        } catch (IllegalArgumentException e) {
            throw new ImportRejected("文件 " + JsonLinesParser.abbreviate(relative) + " 未能保存：" + e.getMessage());
        } catch (IOException e) {
            throw new ImportRejected("无法读取文件：" + JsonLinesParser.abbreviate(relative));
        }
    }

    private InputStream open(String relative) throws IOException {
        if (directory != null) {
            Path file = directory.resolve(relative).normalize();
            if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                throw new IOException("not a file beside the import file: " + relative);
            }
            return Files.newInputStream(file);
        }
        return new ClassPathResource(classpathFolder + relative).getInputStream();
    }
}
