package io.skillsync.cxone;

/** CXone answered 401: the token is dropped and the request is tried once more with a new one. */
public class TokenRejectedException extends CxoneException {

    public TokenRejectedException(String message) {
        super(401, message);
    }
}
