package dev.migrate.internal.graph;

import dev.migrate.graph.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Terse construction of revisions and graphs for the tests of the graph and of the reviews made from it. */
public final class Revs {
    private Revs() {}

    /** A revision with the given parents, message "msg id" and class "db.migrations.V_id". */
    public static RevisionInfo rev(String id, String... parents) {
        return new RevisionInfo(id, Arrays.asList(parents), "msg " + id, Set.of(), List.of(), true, source(id));
    }

    public static RevisionInfo labelled(String id, String label, String... parents) {
        return new RevisionInfo(id, Arrays.asList(parents), "msg " + id, Set.of(label), List.of(), true, source(id));
    }

    public static RevisionInfo depending(String id, List<String> parents, List<String> dependsOn) {
        return new RevisionInfo(id, parents, "msg " + id, Set.of(), dependsOn, true, source(id));
    }

    public static String source(String id) {
        return "db.migrations.V_" + id;
    }

    public static RevisionGraph graph(RevisionInfo... revisions) {
        return RevisionGraph.of(Arrays.asList(revisions));
    }

    /** A linear chain r00001 -> r00002 -> ... of {@code n} revisions. */
    public static RevisionGraph chain(int n) {
        List<RevisionInfo> revs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            revs.add(i == 1 ? rev(chainId(1)) : rev(chainId(i), chainId(i - 1)));
        }
        return RevisionGraph.of(revs);
    }

    public static String chainId(int i) {
        return String.format("r%05d", i);
    }

    /** LabeledBranchTest's map: a (abranch) -> b -> somelongername -> c; d -> e (ebranch) -> someothername -> f. */
    public static RevisionGraph labelledBranches() {
        return graph(
                labelled("a", "abranch"),
                rev("b", "a"),
                rev("somelongername", "b"),
                rev("c", "somelongername"),
                rev("d"),
                labelled("e", "ebranch", "d"),
                rev("someothername", "e"),
                rev("f", "someothername"));
    }
}
