package org.shegong.digest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.shegong.system.cli.CliCommand;
import org.springframework.stereotype.Component;

/** {@code digest FROM TO}: drafts (or re-drafts) the digest of any date range, e.g. 2021-08-23 2021-08-29. */
@Component
class DigestCommand implements CliCommand {

    private final DigestService digests;

    DigestCommand(DigestService digests) {
        this.digests = digests;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public String usage() {
        return "digest 开始日期 结束日期   (例如 digest 2021-08-23 2021-08-29)";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() != 2) {
            System.err.println("用法: java -jar shegong.jar " + usage());
            return 64;
        }
        DigestWindow window;
        try {
            window = new DigestWindow(LocalDate.parse(arguments.get(0)), LocalDate.parse(arguments.get(1)));
        } catch (DateTimeParseException e) {
            System.err.println("日期格式应为 YYYY-MM-DD: " + e.getParsedString());
            return 64;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 64;
        }
        DigestService.Generated generated = digests.generate(window);
        String outcome = switch (generated.outcome()) {
            case CREATED -> "已生成草稿";
            case RECOMPOSED -> "已按最新内容重新生成草稿";
            case UNCHANGED -> "草稿已存在且内容未变";
            case KEPT_EDITED -> "草稿已被编辑，保留编辑后的版本";
            case KEPT_PUBLISHED -> "这期已经发布，未做改动";
        };
        System.out.printf("%s: %s (一周动态编号 %d, 文章编号 %d, %d 条)%n", outcome, window.title(),
                generated.digest().id(), generated.digest().articleId(), generated.composedEntries());
        return 0;
    }
}
