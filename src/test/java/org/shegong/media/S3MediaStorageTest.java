package org.shegong.media;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/** The same contract against a real S3 protocol server (s3proxy, in memory) in the test's JVM, on loopback. */
class S3MediaStorageTest extends MediaStorageContract {

    private static S3Proxy proxy;
    private static BlobStoreContext context;
    private static S3Client client;
    private static S3MediaStorage storage;

    @BeforeAll
    static void startServer() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        BlobStore blobStore = context.getBlobStore();
        blobStore.createContainerInLocation(null, "media");
        proxy = S3Proxy.builder().blobStore(blobStore).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "shegong-test", "shegong-secret").build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        client = MediaStorageConfig.s3Client(new MediaProperties.S3("http://127.0.0.1:" + proxy.getPort(), "us-east-1",
                "media", "site", "shegong-test", "shegong-secret", true));
        storage = new S3MediaStorage(client, "media", "site");
    }

    @AfterAll
    static void stopServer() throws Exception {
        client.close();
        proxy.stop();
        context.close();
    }

    @Override
    MediaStorage storage() {
        return storage;
    }
}
