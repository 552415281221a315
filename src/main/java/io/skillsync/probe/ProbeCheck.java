package io.skillsync.probe;

/**
 * One line of the conformance probe's table.
 *
 * @param check    what was tried
 * @param observed what CXone did
 * @param assumed  what SkillSync's defaults assume (cxone-api.md)
 * @param verdict  how the two compare
 * @param setting  what to set for this tenant, or "" when nothing
 */
public record ProbeCheck(String check, String observed, String assumed, Verdict verdict, String setting) {

    public enum Verdict {
        /** CXone does what SkillSync's defaults assume. */
        MATCHES,
        /** CXone differs, and SkillSync copes with it as it is (a tolerant parse). */
        TOLERATED,
        /** CXone differs in a way a setting covers: set it before go-live. */
        SET,
        /** CXone differs in a way SkillSync cannot work with: runs stop with an error. */
        UNSUPPORTED,
        /** Not tried or not tellable on this tenant (said why in observed). */
        UNKNOWN,
        /** The probe's own write was not undone: look at it by hand. */
        ATTENTION;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean differs() {
        return verdict != Verdict.MATCHES && verdict != Verdict.UNKNOWN;
    }
}
