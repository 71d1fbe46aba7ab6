package dev.leviathan.engine.govern;

/**
 * @param approval        the approval in force after the command
 * @param alreadyApproved the task was already approved with this content: nothing was recorded
 */
public record ApprovalResult(Approval approval, boolean alreadyApproved) {
}
