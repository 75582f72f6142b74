package com.turnstileadmin.widget;

import java.util.List;

/**
 * Someone else changed the widget after the edit form was opened. Nothing was saved; the
 * exception carries the widget as it is now, what the other change did, and the user's
 * edit applied on top of it, for the user to review and save again.
 */
public final class EditConflictException extends RuntimeException {

    private final transient Widget current;

    private final transient EditMerge merge;

    public EditConflictException(Widget current, EditMerge merge) {
        // Suppression stays enabled: an audit record of the conflict that could not be
        // stored is added to it.
        super("Widget " + current.sitekey() + " was changed by someone else since the edit began", null, true, false);
        this.current = current;
        this.merge = merge;
    }

    public Widget current() {
        return current;
    }

    public EditMerge merge() {
        return merge;
    }

    public List<EditMerge.Change> theirChanges() {
        return merge.theirChanges();
    }

}
