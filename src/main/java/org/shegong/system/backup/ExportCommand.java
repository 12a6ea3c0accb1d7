package org.shegong.system.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.shegong.system.cli.CliCommand;
import org.springframework.stereotype.Component;

/** {@code export FILE.zip}: the whole site as one archive; {@code import FILE.zip} reads it back (docs/adr/0052). */
@Component
class ExportCommand implements CliCommand {

    private final SiteExporter exporter;

    ExportCommand(SiteExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export FILE.zip            导出整个站点 (栏目、文章及修订、用户(不含密码)、文件、设置)";
    }

    @Override
    public int run(List<String> arguments) throws Exception {
        // Settings (--shegong.data-dir=…) come along with the arguments; the file is the one that is not a setting.
        List<String> files = arguments.stream().filter(a -> !a.startsWith("--")).toList();
        if (files.size() != 1) {
            System.err.println("用法: java -jar shegong.jar export FILE.zip");
            return 64;
        }
        Path target = Path.of(files.get(0));
        if (Files.isDirectory(target)) {
            System.err.println("请给出归档文件名, 不是目录: " + target.toAbsolutePath());
            return 64;
        }
        try {
            ArchiveManifest manifest = exporter.export(target);
            System.out.printf("已导出 %s: %d 张表, %d 行, %d 个文件 (数据库结构 V%s)%n", target.toAbsolutePath(),
                    manifest.tables().size(), manifest.rows(), manifest.mediaFiles(), manifest.schemaVersion());
            return 0;
        } catch (ArchiveRejected e) {
            System.err.println("导出失败: " + e.getMessage());
            return 65;
        }
    }
}
