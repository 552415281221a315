package io.skillsync.cxone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The HTTP client of the CXone endpoints ({@code httpClientConfigurer=#cxoneHttpClient}). HttpClient would
 * on its own repeat a 429 or 503 after a second, unseen by the error handler, the throttle and the
 * counts; retries are Camel's alone. Redirects are not followed, so the token never travels to a host
 * CXone's answer names, and no cookie is kept between requests.
 */
@ApplicationScoped
@Named("cxoneHttpClient")
public class CxoneHttpClient implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries().disableRedirectHandling().disableCookieManagement();
    }
}
