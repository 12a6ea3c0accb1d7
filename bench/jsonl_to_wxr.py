#!/usr/bin/env python3
"""Writes the articles of a JSON Lines import file as a WordPress export (WXR 1.2), streaming, so that the WXR
import can be measured against the JSON Lines import of exactly the same items (bench/wxr-import.sh).

    python3 bench/jsonl_to_wxr.py articles.jsonl export.xml

Each line becomes a published post: its column a category, its tags post tags, its author a wp:author, its
published_at post_date (China time) and post_date_gmt, its body classic-editor content (blank lines between
paragraphs, as WordPress stores it), its summary the excerpt; every tenth post is a Gutenberg block post."""
import json
import sys
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

CHINA = timezone(timedelta(hours=8))


def cdata(text):
    return "<![CDATA[" + (text or "").replace("]]>", "]]]]><![CDATA[>") + "]]>"


def main(source, target):
    authors, categories = {}, {}
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            if item.get("author"):
                authors.setdefault(item["author"], "author%d" % (len(authors) + 1))
            for name in [item["column"]] if isinstance(item["column"], str) else item["column"]:
                categories.setdefault(name, "cat%d" % (len(categories) + 1))
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"'
                  ' xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
                  ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
                  ' xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
                  ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>基准站</title>\n'
                  '<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>https://bench.example.org</wp:base_site_url>\n'
                  '<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>\n')
        for name, login in authors.items():
            out.write("<wp:author><wp:author_login>%s</wp:author_login><wp:author_display_name>%s"
                      "</wp:author_display_name></wp:author>\n" % (cdata(login), cdata(name)))
        for name, slug in categories.items():
            out.write("<wp:category><wp:category_nicename>%s</wp:category_nicename><wp:category_parent>"
                      "</wp:category_parent><wp:cat_name>%s</wp:cat_name></wp:category>\n" % (slug, cdata(name)))
        for number, line in enumerate(lines, 1):
            item = json.loads(line)
            at = datetime.fromisoformat(item["published_at"])
            if at.tzinfo is None:
                at = at.replace(tzinfo=CHINA)
            local = at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
            gmt = at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
            body = item.get("body") or ""
            if number % 10 == 0:
                body = "\n\n".join("<!-- wp:paragraph -->\n<p>%s</p>\n<!-- /wp:paragraph -->" % escape(p)
                                   for p in body.split("\n\n") if p.strip())
            columns = [item["column"]] if isinstance(item["column"], str) else item["column"]
            terms = "".join('<category domain="category" nicename="%s">%s</category>'
                            % (categories[c], cdata(c)) for c in columns)
            tags = item.get("tags") or []
            tags = tags.split(",") if isinstance(tags, str) else tags
            terms += "".join('<category domain="post_tag" nicename="t">%s</category>' % cdata(t) for t in tags)
            out.write("<item><title>%s</title><link>https://bench.example.org/?p=%d</link>"
                      "<dc:creator>%s</dc:creator><description></description>"
                      "<content:encoded>%s</content:encoded><excerpt:encoded>%s</excerpt:encoded>"
                      "<wp:post_id>%d</wp:post_id><wp:post_date>%s</wp:post_date>"
                      "<wp:post_date_gmt>%s</wp:post_date_gmt><wp:status>publish</wp:status>"
                      "<wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>%s</item>\n"
                      % (cdata(item["title"]), number, cdata(authors.get(item.get("author"), "")),
                         cdata(body), cdata(item.get("summary")), number, local, gmt, terms))
        out.write("</channel>\n</rss>\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
