package org.shegong.region;

import org.shegong.region.data.RegionDirectory;
import org.shegong.region.tagging.RegionTagger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The divisions data set in force ({@code shegong.region.data}, a folder under {@code region/}) and its tagger. */
@Configuration
class RegionConfig {

    static final String DATA_SET = "china-division-2.7.0";

    @Bean
    RegionDirectory regionDirectory(@Value("${shegong.region.data:" + DATA_SET + "}") String dataSet) {
        return RegionDirectory.load(dataSet);
    }

    @Bean
    RegionTagger regionTagger(RegionDirectory directory) {
        return new RegionTagger(directory);
    }
}
