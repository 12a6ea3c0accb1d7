package org.shegong.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media in an S3-compatible bucket (AWS S3, MinIO, Ceph, OSS/COS in S3 mode), for several nodes sharing one
 * store. SDK failures become {@link IOException} so callers handle one kind of storage failure.
 */
public class S3MediaStorage implements MediaStorage {

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    public S3MediaStorage(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("/+$", "") + "/";
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        try {
            client.putObject(b -> b.bucket(bucket).key(objectKey(key)).contentType(contentType).contentLength(length),
                    RequestBody.fromInputStream(content, length));
        } catch (SdkException e) {
            throw new IOException("Could not store " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(objectKey(key)));
            return Optional.of(new StoredObject(in, in.response().contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("Could not read " + key, e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            client.headObject(HeadObjectRequest.builder().bucket(bucket).key(objectKey(key)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("Could not check " + key, e);
        } catch (SdkException e) {
            throw new IOException("Could not check " + key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw new IOException("Could not delete " + key, e);
        }
    }

    private String objectKey(String key) {
        return prefix + MediaKeys.requireValid(key);
    }
}
