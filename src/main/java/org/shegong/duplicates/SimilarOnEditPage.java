package org.shegong.duplicates;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.editorial.web.EditView;
import org.shegong.content.BodyHtml;
import org.shegong.content.similar.NearDuplicates;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tells the editor when the text on the editor page is nearly that of another article: after the editor's
 * controller has built its view, the working copy's title and body are fingerprinted and looked up, and the
 * matches go to the template as {@code similar}. Kept outside the editor's controller, which only builds its view.
 */
@Configuration
class SimilarOnEditPage implements WebMvcConfigurer, HandlerInterceptor {

    private final NearDuplicates nearDuplicates;

    SimilarOnEditPage(NearDuplicates nearDuplicates) {
        this.nearDuplicates = nearDuplicates;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/admin/articles", "/admin/articles/*");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView modelAndView) {
        if (modelAndView != null && modelAndView.getModel().get("view") instanceof EditView view
                && view.form() != null) {
            String body = view.form().getBody();
            modelAndView.addObject("similar", nearDuplicates.similarTo(view.form().getTitle(),
                    body == null || body.isBlank() ? null : BodyHtml.plainText(body), view.articleId()));
        }
    }
}
