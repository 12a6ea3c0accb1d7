package org.shegong.content.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File fields of an import line: read beside the import file, once per run, and never from outside it. */
class ImportMediaFilesTest {

    @TempDir
    Path dir;

    final List<String> stored = new ArrayList<>();
    final ImportMedia media = (name, content) -> {
        stored.add(name + ":" + new String(content.readAllBytes(), StandardCharsets.UTF_8));
        return "/media/ab/" + "0".repeat(31) + stored.size() + ".pdf";
    };

    @Test
    void aRelativePathIsReadBesideTheImportFileAndStoredOncePerRun() throws IOException {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/通知.pdf"), "pdf bytes");
        MediaFiles files = MediaFiles.beside(dir.resolve("items.jsonl"), media);
        String first = files.resolve("files/通知.pdf");
        assertThat(files.resolve("files/通知.pdf")).isEqualTo(first);
        assertThat(stored).containsExactly("通知.pdf:pdf bytes");
        assertThat(files.resolve("/media/cd/" + "1".repeat(32) + ".jpg")).as("an uploaded file's address is kept")
                .isEqualTo("/media/cd/" + "1".repeat(32) + ".jpg");
    }

    @Test
    void pathsOutsideTheImportFilesDirectoryAreRefused() throws IOException {
        Path inside = Files.createDirectories(dir.resolve("import"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        MediaFiles files = MediaFiles.beside(inside.resolve("items.jsonl"), media);
        for (String hostile : List.of("../secret.txt", "/etc/passwd", "a/../../secret.txt", "C:\\\\windows\\\\win.ini",
                "..\\\\secret.txt", "missing.pdf")) {
            assertThatThrownBy(() -> files.resolve(hostile)).as(hostile).isInstanceOf(ImportRejected.class);
        }
        assertThat(stored).isEmpty();
    }

    @Test
    void withoutAPlaceForFilesOnlyUploadedAddressesAreAccepted() {
        assertThatThrownBy(() -> MediaFiles.NONE.resolve("cover.jpg")).isInstanceOf(ImportRejected.class)
                .hasMessageContaining("/media/");
    }

    @Test
    void aRefusedFileBecomesTheLinesProblem() throws IOException {
        Files.writeString(dir.resolve("page.html"), "<html>");
        ImportMedia refusing = (name, content) -> {
            throw new IllegalArgumentException("不支持的文件类型");
        };
        assertThatThrownBy(() -> MediaFiles.beside(dir.resolve("x.jsonl"), refusing).resolve("page.html"))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("不支持的文件类型");
        InputStream unused = new ByteArrayInputStream(new byte[0]);
        unused.close();
    }
}
