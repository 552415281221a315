package io.skillsync.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.skillsync.config.SkillSyncConfig;

/**
 * The failed sign-ins of the last lockout period, per user and per client address, in this process. A user
 * or an address with max-failures of them is locked until the oldest of those is a lockout period old. Only
 * configured users are counted by name (a name anyone can make up would let a stranger fill the memory);
 * addresses are kept to a bound for the same reason. Each replica counts its own.
 */
@ApplicationScoped
public class SignInAttempts {

    /** Beyond this many addresses with failures, the ones whose failures have all aged out are forgotten first. */
    static final int MOST_ADDRESSES = 10_000;

    private final int maxFailures;
    private final Duration lockout;
    private final ConsoleUsers users;
    private final Map<String, Deque<Instant>> byUser = new HashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();

    SignInAttempts(SkillSyncConfig config, ConsoleUsers users) {
        this.maxFailures = config.console().signIn().maxFailures();
        this.lockout = config.console().signIn().lockout();
        this.users = users;
    }

    /** How many failed sign-ins a user (0 for a name nobody has) and an address have within the lockout period. */
    record Failures(int ofUser, int fromAddress) {
    }

    /** Records a failed sign-in. */
    synchronized Failures failed(String user, String address, Instant at) {
        int fromAddress = add(byAddress, address, at);
        if (byAddress.size() > MOST_ADDRESSES) {
            forgetOldest(at);
        }
        return new Failures(users.exists(user) ? add(byUser, user, at) : 0, fromAddress);
    }

    /** Until when sign-ins as {@code user} or from {@code address} are refused, if they are now. */
    synchronized Optional<Instant> lockedUntil(String user, String address, Instant now) {
        Optional<Instant> forUser = users.exists(user) ? until(byUser.get(user), now) : Optional.empty();
        Optional<Instant> forAddress = until(byAddress.get(address), now);
        if (forUser.isPresent() && forAddress.isPresent()) {
            return Optional.of(forUser.get().isAfter(forAddress.get()) ? forUser.get() : forAddress.get());
        }
        return forUser.isPresent() ? forUser : forAddress;
    }

    int maxFailures() {
        return maxFailures;
    }

    Duration lockout() {
        return lockout;
    }

    private int add(Map<String, Deque<Instant>> counts, String key, Instant at) {
        Deque<Instant> failures = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
        agedOut(failures, at);
        failures.addLast(at);
        // more than max-failures are never needed to tell when the lock ends
        while (failures.size() > maxFailures) {
            failures.removeFirst();
        }
        return failures.size();
    }

    private Optional<Instant> until(Deque<Instant> failures, Instant now) {
        if (failures == null) {
            return Optional.empty();
        }
        agedOut(failures, now);
        return failures.size() >= maxFailures ? Optional.of(failures.peekFirst().plus(lockout)) : Optional.empty();
    }

    private void agedOut(Deque<Instant> failures, Instant now) {
        while (!failures.isEmpty() && !failures.peekFirst().plus(lockout).isAfter(now)) {
            failures.removeFirst();
        }
    }

    private void forgetOldest(Instant now) {
        byAddress.values().forEach(failures -> agedOut(failures, now));
        byAddress.values().removeIf(Deque::isEmpty);
        // still too many: a spray from very many addresses; the per-user count still guards every real user
        for (Iterator<String> keys = byAddress.keySet().iterator(); keys.hasNext() && byAddress.size() > MOST_ADDRESSES;) {
            keys.next();
            keys.remove();
        }
    }
}
