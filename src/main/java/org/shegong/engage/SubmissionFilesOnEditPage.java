package org.shegong.engage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.editorial.web.EditView;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Shows the reviewing editor the files an organisation sent with its 投稿, on the editor page, after the editor's
 * controller has built its view (as {@code submissionFiles}). The body already carries them (pictures and a list
 * of links), so the editor keeps, moves or removes them there; this list stays even if the body's links are cut.
 */
@Configuration
class SubmissionFilesOnEditPage implements WebMvcConfigurer, HandlerInterceptor {

    private final SubmissionFileRepository files;

    SubmissionFilesOnEditPage(SubmissionFileRepository files) {
        this.files = files;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/admin/articles/*");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView modelAndView) {
        if (modelAndView != null && modelAndView.getModel().get("view") instanceof EditView view
                && view.articleId() != null) {
            modelAndView.addObject("submissionFiles", files.forArticle(view.articleId()));
        }
    }
}
