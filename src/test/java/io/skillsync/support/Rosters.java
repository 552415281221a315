package io.skillsync.support;

/** Rosters that more than one test drops, each as its first user wrote it. */
public final class Rosters {

    private Rosters() {
    }

    /** Agents 1 .. {@code count} of a seeded tenant ({@link Tenants#email}) get Retention at 5. */
    public static String everyoneGetsRetention(int count) {
        StringBuilder csv = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 1; n <= count; n++) {
            csv.append(Tenants.email(n)).append(",Retention,5,true\n");
        }
        return csv.toString();
    }

    /** The seed story's file: agents 1-100 get Retention at 5, agents 101-150 go to Tier_1_Support 1. */
    public static String graduation() {
        StringBuilder csv = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 1; n <= 100; n++) {
            csv.append(Tenants.email(n)).append(",Retention,5,true\n");
        }
        for (int n = 101; n <= 150; n++) {
            csv.append(Tenants.email(n)).append(",Tier_1_Support,1,\n");
        }
        return csv.toString();
    }

    /** One row giving the simulator preset's agent n ({@link Tenants#presetEmail}) Retention at 5; %n line ends. */
    public static String retentionForPresetAgent(int n) {
        return String.format("email,skill,proficiency%n%s,Retention,5%n", Tenants.presetEmail(n));
    }
}
