package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.core.port.MetadataPort;
import io.versioned.testsupport.S3ProxyServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The Guice module gives one working port per injector, built from the configuration alone. */
class S3OnlyMetadataModuleTest {

    @Test
    void moduleBindsAPortThatBootstrapsItsBucketIdempotently() {
        String bucket = TestStores.unusedBucketName();
        S3MetadataConfig config = S3MetadataConfig.builder()
                .region(S3ProxyServer.REGION.id())
                .bucket(bucket)
                .endpointOverride(TestStores.server().endpoint())
                .pathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .build();
        Injector injector = Guice.createInjector(new S3OnlyMetadataModule(config));

        MetadataPort port = injector.getInstance(MetadataPort.class);
        port.bootstrap();
        port.bootstrap();
        port.registerArtifactName("doc");

        assertThat(port).isInstanceOf(S3OnlyMetadataPort.class).isSameAs(injector.getInstance(MetadataPort.class));
        assertThat(TestStores.client().headBucket(request -> request.bucket(bucket)).sdkHttpResponse().isSuccessful())
                .isTrue();
        assertThat(port.listArtifactNames()).containsExactly("doc");
        ((S3OnlyMetadataPort) port).close();
    }
}
