package org.shegong.media;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the storage from {@code shegong.media.storage}; a misspelt choice stops the start with a clear message. */
@Configuration(proxyBeanMethods = false)
class MediaStorageConfig {

    @Bean(destroyMethod = "")
    MediaStorage mediaStorage(MediaProperties properties, @Value("${shegong.data-dir}") String dataDir)
            throws IOException {
        return switch (properties.storage()) {
            case "local" -> new LocalMediaStorage(properties.directory() == null || properties.directory().isBlank()
                    ? Path.of(dataDir, "media") : Path.of(properties.directory()));
            case "s3" -> {
                MediaProperties.S3 s3 = properties.s3();
                if (s3.bucket() == null || s3.bucket().isBlank()) {
                    throw new IllegalStateException("shegong.media.s3.bucket must be set when shegong.media.storage=s3");
                }
                yield new S3MediaStorage(s3Client(s3), s3.bucket(), s3.prefix());
            }
            default -> throw new IllegalStateException(
                    "shegong.media.storage must be local or s3, not " + properties.storage());
        };
    }

    static S3Client s3Client(MediaProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // Checksums only where the protocol requires them: many S3-compatible stores reject the SDK's
                // newer default trailing checksums on a plain PUT.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(s3.accessKey() == null || s3.accessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        return builder.build();
    }
}
