package io.skillsync.cxone;

/** The token endpoint refused SkillSync's credentials, or a renewed token was refused again: no row can be written. */
public class CxoneCredentialsException extends CxoneException {

    public CxoneCredentialsException(int status, String message) {
        super(status, message);
    }
}
