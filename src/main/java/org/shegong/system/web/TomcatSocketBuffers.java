package org.shegong.system.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Each connection's socket write buffer holds a whole page, so a page leaves in one write: with Tomcat's 8 KB a
 * 20 KB article went out as three writes of 8,192, 8,192 and the rest, and on two cores the system calls and the
 * reader's wake-ups they cause were a quarter of a cached page's CPU (docs/adr/0069). The buffers are direct:
 * allocated per open connection, they stay out of the heap whatever the number of connections, and the socket
 * writes from them without first copying into a temporary direct buffer.
 */
@Component
class TomcatSocketBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final DataSize SMALLEST = DataSize.ofKilobytes(8);
    static final DataSize LARGEST = DataSize.ofMegabytes(1);

    private final DataSize writeBuffer;

    TomcatSocketBuffers(@Value("${shegong.web.socket-write-buffer:32KB}") DataSize writeBuffer) {
        if (writeBuffer.compareTo(SMALLEST) < 0 || writeBuffer.compareTo(LARGEST) > 0) {
            throw new IllegalArgumentException("shegong.web.socket-write-buffer 应在 8KB 到 1MB 之间，现为 "
                    + writeBuffer.toKilobytes() + "KB");
        }
        this.writeBuffer = writeBuffer;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appWriteBufSize", Long.toString(writeBuffer.toBytes()));
            connector.setProperty("socket.directBuffer", "true");
        });
    }
}
