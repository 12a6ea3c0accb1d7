package org.shegong.content.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WordPress content to portal bodies: shortcodes, block comments, classic paragraphs, the old site's uploads. */
class WxrBodyTest {

    static final String SITE = "https://old.example.org";
    final List<String> asked = new ArrayList<>();

    String convert(String content) {
        return WxrBody.convert(content, SITE, path -> {
            asked.add(path);
            return path.startsWith("missing") ? null : "/media/ab/" + path.replace('/', '-');
        });
    }

    @Test
    void aCaptionBecomesAFigureAlsoWhenThePictureIsALink() {
        String body = convert("[caption id=\"attachment_7\" align=\"alignleft\" width=\"300\"]<a href=\"" + SITE
                + "/wp-content/uploads/2020/01/a.jpg\"><img src=\"" + SITE + "/wp-content/uploads/2020/01/a-300x200.jpg\""
                + " alt=\"甲\" /></a> 活动现场[/caption]");
        assertThat(body).isEqualTo("<figure><a href=\"/media/ab/2020-01-a.jpg\" rel=\"nofollow\">"
                + "<img src=\"/media/ab/2020-01-a-300x200.jpg\" alt=\"甲\" /></a><figcaption>活动现场</figcaption></figure>");
        assertThat(asked).containsExactly("2020/01/a-300x200.jpg", "2020/01/a.jpg");
    }

    @Test
    void theOldCaptionAttributeIsUsedWhenTheTextHasNone() {
        assertThat(convert("[caption caption=\"旧式说明\"]<img src=\"/wp-content/uploads/x.png\" />[/caption]"))
                .isEqualTo("<figure><img src=\"/media/ab/x.png\" /><figcaption>旧式说明</figcaption></figure>");
    }

    @Test
    void otherShortcodesAreUnwrappedOrDroppedAndBracketedChineseTextStays() {
        assertThat(convert("第一段[gallery ids=\"1,2,3\"]\n\n[su_note]提示内容[/su_note]\n\n[contact-form-7 id=\"5\"]"
                + "[详情] 与 [1] 不是短代码\n\n[embed]https://v.example.org/1[/embed]"))
                .isEqualTo("<p>第一段</p>\n<p>提示内容</p>\n<p>[详情] 与 [1] 不是短代码</p>\n"
                        + "<p><a href=\"https://v.example.org/1\" rel=\"nofollow\">https://v.example.org/1</a></p>");
    }

    @Test
    void blockCommentsGoAndBlockMarkupIsNotParagraphedAgain() {
        assertThat(convert("<!-- wp:paragraph -->\n<p>甲</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:separator -->\n"
                + "<hr class=\"wp-block-separator\"/>\n<!-- /wp:separator -->"))
                .startsWith("<p>甲</p>").endsWith("<hr />").doesNotContain("wp:").doesNotContain("<p>\n");
    }

    @Test
    void classicTextGetsParagraphsAndLineBreaksAndLosesScripts() {
        assertThat(convert("第一行\n第二行\n\n<h3>小标题</h3>\n\n正文<script>alert(1)</script><span onclick=\"x()\">乙</span>"))
                .isEqualTo("<p>第一行<br />\n第二行</p>\n<h3>小标题</h3>\n<p>正文乙</p>");
    }

    @Test
    void onlyTheOldSitesUploadsAreRewrittenAndAMissingFileKeepsItsAddress() {
        String body = convert("<p><img src=\"https://elsewhere.example.com/wp-content/uploads/b.jpg\">"
                + "<img src=\"http://old.example.org/wp-content/uploads/missing.jpg\">"
                + "<a href=\"https://old.example.org/2020/01/post/\">旧文</a></p>");
        assertThat(body).contains("https://elsewhere.example.com/wp-content/uploads/b.jpg")
                .contains("http://old.example.org/wp-content/uploads/missing.jpg")
                .contains("https://old.example.org/2020/01/post/");
        assertThat(asked).containsExactly("missing.jpg");
    }

    @Test
    void nothingLeftIsNoBody() {
        assertThat(convert("<!-- wp:paragraph -->\n<!-- /wp:paragraph -->")).isNull();
        assertThat(convert("   ")).isNull();
    }
}
