package io.skillsync.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

public interface CxoneSettings {
    /**
     * Base URL up to and including /inContactAPI/services/v30.0. Unset: discovered from the id_token's
     * tenantId through {@link #discoveryUrl()} (cxone-api.md, Authentication).
     */
    Optional<String> apiUrl();

    /** NICE's token endpoint (FedRAMP: https://cxone-gov.niceincontact.com/auth/token). */
    @WithDefault("https://cxone.niceincontact.com/auth/token")
    String tokenUrl();

    /** Where {@code /.well-known/cxone-configuration?tenantId=} is asked when api-url is unset. */
    @WithDefault("https://cxone.niceincontact.com")
    String discoveryUrl();

    /** Appended to the discovered {@code api_endpoint}, which is a host only. */
    @WithDefault("/inContactAPI/services/v30.0")
    String apiPath();

    Optional<String> clientId();

    Optional<String> clientSecret();

    /**
     * {@code password} (NICE's published grant for back-end apps, with the API user's access key) or
     * {@code client_credentials} (not published by NICE: for gateways and tests, chosen explicitly).
     */
    @WithDefault("password")
    Grant grant();

    /** {@link #grant()}'s values; any other stops the start. */
    enum Grant {
        PASSWORD("password"), CLIENT_CREDENTIALS("client_credentials");

        private final String label;

        Grant(String label) {
            this.label = label;
        }

        /** As the settings spell it, which is the token request's {@code grant_type}. */
        public String label() {
            return label;
        }
    }

    /** How the OAuth client authenticates: {@code basic} (Authorization header) or {@code post} (form fields). */
    @WithDefault("basic")
    ClientAuth clientAuth();

    /** {@link #clientAuth()}'s values, as the settings spell them ({@code basic}, {@code post}); any other stops the start. */
    enum ClientAuth {
        BASIC, POST;

        /** As the settings spell it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The other one: the probe tries it when this one is refused. */
        public ClientAuth other() {
            return this == BASIC ? POST : BASIC;
        }
    }

    /** The API user's access key: username and password of the password grant. */
    Optional<String> accessKeyId();

    Optional<String> accessKeySecret();

    /**
     * {@code per-skill} (POST/PUT /skills/{id}/agents), {@code bulk} (NICE's POST /agents/skills with
     * agentAndSkillDetails, settled by read-back), or {@code bulk-put} (the runbook's PUT /agents/skills
     * with agentSkillAssignments: only for a tenant known to accept it).
     */
    @WithDefault("per-skill")
    WriteMode writeMode();

    /** {@link #writeMode()}'s values, as the settings spell them ({@code per-skill}, {@code bulk}, {@code bulk-put}). */
    enum WriteMode {
        PER_SKILL, BULK, BULK_PUT;

        /** As the settings spell it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The {@code skills[]} item of a bulk write, which NICE's schema leaves untyped: {@code skillId}
     * ({@code {"skillId":112233,...}}) or {@code skillIds} ({@code {"skillIds":["112233"],...}}, what the one
     * published real v30 caller sends). The probe's bulk check writes and reads back each.
     */
    @WithDefault("skillId")
    String bulkSkillItem();

    /** The tenant's API limit; every request, read or write, counts. */
    @WithDefault("200")
    int requestsPerMinute();

    /** Assignments per write request, 1..100. */
    @WithDefault("100")
    int batchSize();

    /** Records per page of a paged read (CXone pages at most 100). */
    @WithDefault("100")
    int pageSize();

    /** ms to open a connection to CXone. */
    @WithDefault("10000")
    long connectTimeout();

    /** ms to wait for CXone's answer before the attempt counts as failed (and is retried). */
    @WithDefault("60000")
    long responseTimeout();

    Retry retry();

    /** Redelivery of a request CXone answered 429 or 5xx, or did not answer. */
    interface Retry {
        @WithDefault("6")
        int attempts();

        /** ms before the first retry; doubled for each next one, with jitter. */
        @WithDefault("1000")
        long firstDelay();

        @WithDefault("60000")
        long maxDelay();
    }

    /** A token is renewed once less than this share of its lifetime is left. */
    @WithDefault("0.2")
    double tokenRenewShare();

    /**
     * The longest Retry-After SkillSync honours; a 429 asking for longer is taken as CXone being
     * unavailable (the batch fails, the circuit counts it) rather than stalling every request for it.
     */
    @WithDefault("120s")
    Duration retryAfterCap();

    /**
     * How long the unit's circuit breaker stays open after five requests in a row failed after every retry:
     * no request reaches the tenant meanwhile, and the run stops with its file in the inbox.
     */
    @WithDefault("60s")
    Duration circuitOpenFor();

    /** Plain http:// for the API, token and discovery URLs: only for the simulator and tests. */
    @WithDefault("false")
    boolean allowHttp();

    Reads reads();

    /**
     * What the reads send and expect where NICE is silent (cxone-api.md, Reads). The conformance probe
     * says which values a tenant needs.
     */
    interface Reads {
        /** Extra query parameters of {@code GET /agents}, e.g. {@code isActive=true}. */
        Optional<String> agentsQuery();

        /** Extra query parameters of {@code GET /skills}. */
        Optional<String> skillsQuery();

        /**
         * Extra query parameters of every assignment read ({@code GET /agents/skills},
         * {@code GET /agents/{id}/skills}), e.g. {@code isAgentActive=true}.
         */
        Optional<String> assignmentsQuery();

        /**
         * {@code returned}: one read returns active and inactive assignments alike. {@code by-flag}: the
         * tenant returns inactive ones only when asked, so each assignment read is made twice, with
         * {@code isActive=true} and {@code isActive=false}.
         */
        @WithDefault("returned")
        InactiveAssignments inactiveAssignments();

        /** {@link #inactiveAssignments()}'s values, as the settings spell them ({@code returned}, {@code by-flag}). */
        enum InactiveAssignments {
            RETURNED, BY_FLAG;

            /** As the settings spell it. */
            public String label() {
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
        }

        /**
         * Read an assignment's current state per skill ({@code GET /skills/{skillId}/agents}) when that
         * costs fewer requests than per agent or tenant-wide; false for a tenant that does not serve it.
         */
        @WithDefault("true")
        boolean perSkill();

        /**
         * Whether a skill read before is asked only what changed since ({@code updatedSince} on
         * {@code GET /skills/{skillId}/agents}) and its count, instead of read whole. {@code probed}: once CXone
         * has shown, on this tenant, that the filter returns every assignment changed since (the read-back of
         * SkillSync's own writes compared with a whole read). {@code on}: whenever the filter is served.
         * {@code off}: always whole.
         */
        @WithDefault("probed")
        String changedHolders();

        /** How long the kept agent list serves before CXone is asked what changed ({@code updatedSince}). */
        @WithDefault("15m")
        java.time.Duration agentsRefresh();

        /** The agent and skill lists are read whole when older than this (and on the first start); 0s: always. */
        @WithDefault("24h")
        java.time.Duration fullRefresh();
    }

    Split split();

    /** A write CXone refused as a whole (400) is split to isolate the items it refused. */
    interface Split {
        /**
         * Requests splitting may spend on one planned batch: a 100-row batch with one bad item needs 14,
         * with three about 34; without a cap, 198.
         */
        @WithDefault("40")
        int maxRequests();
    }

    Correlation correlation();

    /** The request id SkillSync sends, and the headers CXone's own id may come back in. */
    interface Correlation {
        @WithDefault("X-Request-Id")
        String requestHeader();

        /** Looked for in this order; an echo of SkillSync's own id is not CXone's. */
        @WithDefault("CorrelationId,X-Request-Id")
        java.util.List<String> answerHeaders();
    }
}
