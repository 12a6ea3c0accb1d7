package org.shegong.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The running server's connector has the application's default write buffer (32 KB, direct) without any setting:
 * system.web's TomcatSocketBuffersTest passes its size in, so only this one sees the default that the benchmarks and
 * ADR 0069 rely on. On the operations tests' shared site, so it costs no start of its own.
 */
@OperationsSite
class SocketWriteBufferTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerWritesFromA32KilobyteDirectBufferByDefault() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("32768");
        assertThat(String.valueOf(connector.getProperty("socket.directBuffer"))).isEqualTo("true");
    }
}
