package org.onedoor.documents;

/**
 * The case is not where the asked notice fits: a correction notice for a case that misses no
 * material, a result notice for an undecided case, a refusal notice for an accepted case.
 */
public class NoticeNotApplicableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final NoticeKind kind;

    public NoticeNotApplicableException(NoticeKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return the notice that was asked for */
    public NoticeKind kind() {
        return kind;
    }
}
