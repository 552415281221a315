package io.skillsync.cluster;

import java.util.List;
import java.util.Optional;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * {@code skillsync.cluster.service=none}: one process, no other replica; it leads from its start. The
 * routes keep their {@code master:} endpoints, so the three choices differ only in this bean.
 */
public class SoloClusterService extends AbstractCamelClusterService<SoloClusterService.SoloView> {

    public SoloClusterService() {
        super("skillsync-" + ProcessHandle.current().pid());
    }

    @Override
    protected SoloView createView(String namespace) {
        return new SoloView(namespace);
    }

    public final class SoloView extends AbstractCamelClusterView {

        private final CamelClusterMember self = new CamelClusterMember() {
            @Override
            public boolean isLeader() {
                return true;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return SoloClusterService.this.getId();
            }
        };

        SoloView(String namespace) {
            super(SoloClusterService.this, namespace);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return Optional.of(self);
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return self;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(self);
        }

        @Override
        protected void doStart() {
            fireLeadershipChangedEvent(self);
        }

        @Override
        protected void doStop() {
            // nothing held
        }
    }
}
