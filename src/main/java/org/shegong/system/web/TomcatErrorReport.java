package org.shegong.system.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (an encoded slash, a path above the root, a
 * malformed request line) got Tomcat's English report without the security headers. The host's error report
 * valve is ours instead: a short Chinese page with the same headers as every other page.
 */
@Component
class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ChineseErrorReport.class.getName());
            }
        });
    }

    /** The headers Spring Security writes on every page, for answers given before it runs. */
    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Cache-Control", "no-store");
    }

    /** Tomcat creates it by class name, so it is public with a public constructor. */
    public static class ChineseErrorReport extends ErrorReportValve {

        public ChineseErrorReport() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String heading = status == 404 ? "页面未找到" : status < 500 ? "请求有误" : "服务器错误";
            String message = status < 500 ? "请求的地址或格式有误，无法处理。" : "服务器暂时出了点问题，请稍后再试。";
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                securityHeaders(response);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + heading
                            + "</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main><h1>" + heading
                            + "</h1><p>" + message + "</p><p><a href=\"/\">返回首页</a></p></main></body></html>\n");
                }
            } catch (IOException | IllegalStateException ignored) {
                // The connection is gone or the response was committed meanwhile; nothing more can be said.
            }
        }
    }
}
