package org.shegong.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.util.unit.DataSize;

/** The connector's socket write buffer holds a whole page (one write per page) and lives outside the heap. */
class TomcatSocketBuffersTest {

    private static Connector customised(DataSize size) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new TomcatSocketBuffers(size).customize(factory);
        Connector connector = new Connector();
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
        return connector;
    }

    private static String property(Connector connector, String name) {
        return String.valueOf(connector.getProperty(name));
    }

    @Test
    void aPageOfTheSizeTheSiteServesFitsTheWriteBufferAndTheBufferIsDirect() {
        Connector connector = customised(DataSize.ofKilobytes(32));
        assertThat(property(connector, "socket.appWriteBufSize")).isEqualTo("32768");
        assertThat(property(connector, "socket.directBuffer")).isEqualTo("true");
        assertThat(property(new Connector(), "socket.appWriteBufSize")).as("Tomcat's own default").isEqualTo("8192");
    }

    @Test
    void aSizeOutsideEightKilobytesToOneMegabyteIsRefusedAtStart() {
        assertThatThrownBy(() -> new TomcatSocketBuffers(DataSize.ofKilobytes(4)))
                .hasMessageContaining("shegong.web.socket-write-buffer 应在 8KB 到 1MB 之间，现为 4KB");
        assertThatThrownBy(() -> new TomcatSocketBuffers(DataSize.ofMegabytes(2)))
                .hasMessageContaining("现为 2048KB");
        assertThat(property(customised(DataSize.ofMegabytes(1)), "socket.appWriteBufSize")).isEqualTo("1048576");
    }
}
