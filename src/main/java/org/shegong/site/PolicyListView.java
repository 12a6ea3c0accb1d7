package org.shegong.site;

import java.util.List;
import org.shegong.content.PolicyRepository;
import org.shegong.system.web.Chrome;

/** The 政策文件 list page: a page of documents, the filter's choices and what is chosen. */
public record PolicyListView(Chrome chrome, List<PolicyRepository.PolicyItem> items, List<String> issuers,
                             List<Integer> years, String issuer, Integer year, long total, int page, int pages,
                             String pageUrlPrefix) {
}
