package io.skillsync.cxone;

/**
 * CXone stayed busy (429, 5xx) or unreachable through every retry of one request. The rows of that
 * request fail; several of these in a row open the circuit breaker of {@link CxoneClient#send}.
 */
public class CxoneUnavailableException extends CxoneException {

    public CxoneUnavailableException(int status, String message, Throwable cause) {
        super(status, message, cause);
    }
}
