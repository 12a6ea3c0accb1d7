package org.shegong.system.backup;

import java.nio.file.Path;
import java.util.List;
import org.shegong.system.cli.CliCommand;
import org.springframework.stereotype.Component;

/** {@code backup}: one backup of the embedded database and its media now, as the nightly job makes. */
@Component
class BackupCommand implements CliCommand {

    private final H2Backups backups;

    BackupCommand(H2Backups backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String usage() {
        return "backup                     备份内置 H2 数据库和媒体文件 (恢复: restore 备份目录, 须先停止网站)";
    }

    @Override
    public int run(List<String> arguments) throws Exception {
        try {
            Path backup = backups.backup();
            System.out.println("备份完成: " + backup);
            return 0;
        } catch (ArchiveRejected e) {
            System.err.println(e.getMessage());
            return 64;
        }
    }
}
