package dev.leviathan.console.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.govern.Approval;
import dev.leviathan.engine.govern.Reason;
import dev.leviathan.engine.govern.ReasonCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalStateTest {

    static final String HASH = "3f2a9c1b0d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";
    static final String OTHER = "0" + "a".repeat(63);
    static final Instant AT = Instant.parse("2026-11-30T09:15:00Z");

    static Approval approval(String hash, boolean revoked) {
        return new Approval("approval-1", "add-faq", hash, "c0ffee0000000000", "grace", AT,
                revoked ? Optional.of(new Approval.Revocation("ada", AT.plusSeconds(60), "wrong page")) : Optional.empty());
    }

    @Test
    void aTaskNeverApprovedIsNotApproved() {
        assertThat(ApprovalState.of(Optional.empty(), HASH).kind()).isEqualTo(ApprovalState.Kind.NOT_APPROVED);
    }

    @Test
    void anApprovalOfTheCurrentContentIsInForce() {
        ApprovalState state = ApprovalState.of(Optional.of(approval(HASH, false)), HASH);

        assertThat(state.kind()).isEqualTo(ApprovalState.Kind.APPROVED);
        assertThat(state.summary()).isEqualTo("approved 3f2a9c1b · grace");
        assertThat(state.detail(ZoneOffset.UTC)).contains(HASH).contains("grace").contains("2026-11-30 09:15");
    }

    @Test
    void anApprovalOfOtherContentIsStaleAndStillRevocable() {
        ApprovalState state = ApprovalState.of(Optional.of(approval(HASH, false)), OTHER);

        assertThat(state.kind()).isEqualTo(ApprovalState.Kind.STALE);
        assertThat(state.revocable()).isTrue();
    }

    @Test
    void aRevokedApprovalSaysWhoRevokedItAndWhy() {
        ApprovalState state = ApprovalState.of(Optional.of(approval(HASH, true)), HASH);

        assertThat(state.kind()).isEqualTo(ApprovalState.Kind.REVOKED);
        assertThat(state.revocable()).isFalse();
        assertThat(state.detail(ZoneOffset.UTC)).endsWith("Revoked by ada at 2026-11-30 09:16: wrong page.");
    }

    @Test
    void whyItWaitsListsOwnReasonsThenBlockersByCode() {
        TaskRow row = new TaskRow("add-faq", "Add a FAQ", "pending", "high", List.of(), true, HASH,
                ApprovalState.of(Optional.empty(), HASH), List.of(
                        new Reason("add-faq", ReasonCode.NOT_APPROVED, "not approved"),
                        new Reason("add-faq", ReasonCode.AUTONOMY_DISABLED, "autonomy is disabled")), false);

        assertThat(row.waits()).isEqualTo("not_approved: not approved; autonomy_disabled");
        assertThat(row.waitCodes()).isEqualTo("not_approved; autonomy_disabled");
    }

    @Test
    void anEligibleTaskOfABlockedTargetSaysSo() {
        TaskRow row = new TaskRow("add-faq", "Add a FAQ", "pending", "high", List.of(), true, HASH,
                ApprovalState.of(Optional.of(approval(HASH, false)), HASH),
                List.of(new Reason("add-faq", ReasonCode.CIRCUIT_OPEN, "open")), false);

        assertThat(row.waits()).isEqualTo("eligible, but the target is blocked: circuit_open");
    }
}
