package org.shegong.search.web;

import java.util.List;
import org.shegong.account.AdminChrome;

/** The 搜索词典 page: the editors' entries, the size of the dictionary in use, and a message. */
public record VocabularyPage(AdminChrome chrome, List<String> words, List<String> groups, int dictionarySize,
                             String error, String notice) {
}
