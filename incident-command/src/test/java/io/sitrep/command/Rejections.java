package io.sitrep.command;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/** Matches a {@link CommandRejected} by its reason, for fixture expectations. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<Object> rejectedAs(CommandRejected.Reason reason) {
        Matcher<CommandRejected> byReason = new FeatureMatcher<>(Matchers.equalTo(reason), "rejection reason",
                "reason") {
            @Override
            protected CommandRejected.Reason featureValueOf(CommandRejected actual) {
                return actual.reason();
            }
        };
        return Matchers.allOf(Matchers.instanceOf(CommandRejected.class), (Matcher) byReason);
    }
}
