package org.shegong.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The footer's legal lines ({@code shegong.footer.*}, or SHEGONG_FOOTER_*), each shown only when set. 主办 is the
 * site's owner ({@link SiteProperties#owner()}).
 *
 * @param undertaker   承办单位
 * @param icp          ICP 备案号, e.g. 京ICP备12345678号-1; links to the MIIT filing site
 * @param police       公安机关备案号, e.g. 京公网安备 11010502030143号; links to its record on the MPS filing site
 */
@ConfigurationProperties("shegong.footer")
public record FooterProperties(String undertaker, String icp, String police) {

    public static final String ICP_URL = "https://beian.miit.gov.cn/";
    private static final String POLICE_URL = "https://beian.mps.gov.cn/#/query/webSearch?code=";

    public FooterProperties {
        undertaker = blankToNull(undertaker);
        icp = blankToNull(icp);
        police = blankToNull(police);
    }

    /** The 公安 record's page: its code is the digits of the number (京公网安备 11010502030143号 → 11010502030143). */
    public String policeUrl() {
        String code = police == null ? "" : police.replaceAll("[^0-9]", "");
        return code.isEmpty() ? "https://beian.mps.gov.cn/" : POLICE_URL + code;
    }

    public String icpUrl() {
        return ICP_URL;
    }

    public static FooterProperties none() {
        return new FooterProperties(null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
