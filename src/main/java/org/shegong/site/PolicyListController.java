package org.shegong.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.shegong.content.PolicyRepository;
import org.shegong.system.web.BadRequestException;
import org.shegong.system.web.Chrome;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 政策文件 (/policies): every live policy document with its 文号, 发文机关, 成文日期 and 效力, filtered by 发文机关 and
 * year with a plain GET form (no JavaScript), 20 a page.
 */
@Controller
class PolicyListController {

    static final int PAGE_SIZE = 20;

    private final ChromeFactory chrome;
    private final PolicyRepository policies;

    PolicyListController(ChromeFactory chrome, PolicyRepository policies) {
        this.chrome = chrome;
        this.policies = policies;
    }

    @GetMapping("/policies")
    String list(@RequestParam(required = false) String issuer, @RequestParam(required = false) String year,
                @RequestParam(required = false) String page, Model model) {
        String chosenIssuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
        if (chosenIssuer != null && chosenIssuer.length() > 100) {
            throw new BadRequestException("发文机关名称过长");
        }
        Integer chosenYear = year(year);
        int pageNumber = page == null || page.isBlank() ? 1 : org.shegong.system.web.PageNumbers.parse(page);
        long total = policies.count(chosenIssuer, chosenYear);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (pageNumber > pages) {
            throw new NotFoundException("政策文件没有第 " + pageNumber + " 页");
        }
        Chrome pageChrome = chrome.chrome("policy");
        List<PolicyRepository.PolicyItem> items = policies.page(chosenIssuer, chosenYear, PAGE_SIZE,
                (pageNumber - 1) * PAGE_SIZE);
        model.addAttribute("view", new PolicyListView(pageChrome, items, policies.issuers(), policies.years(),
                chosenIssuer, chosenYear, total, pageNumber, pages, query(chosenIssuer, chosenYear)));
        return "site/policies";
    }

    private static Integer year(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.strip().matches("(19|20)[0-9]{2}")) {
            throw new BadRequestException("年份须为四位数字，如 2021");
        }
        return Integer.valueOf(raw.strip());
    }

    /** The filter as a query string for the pager's links, ending in "page=". */
    private static String query(String issuer, Integer year) {
        StringBuilder q = new StringBuilder("/policies?");
        if (issuer != null) {
            q.append("issuer=").append(URLEncoder.encode(issuer, StandardCharsets.UTF_8)).append('&');
        }
        if (year != null) {
            q.append("year=").append(year).append('&');
        }
        return q.append("page=").toString();
    }
}
