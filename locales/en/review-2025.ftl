# The 2025 year-end review (Regulation 366-QĐ/TW, Guidance 43-HD/BTCTW).

report-pledge-shown = At the start of the year you pledged: «{ $pledge }»
report-carried-title = Shortcoming { $n } fixed?: { $fault }
report-carried-heading = Shortcoming pointed out: { $fault }
report-carried-prompt = In your previous review you named this shortcoming: «{ $fault }». Where does it stand now?
report-carried-da = Fixed
report-carried-dang = Being fixed
report-carried-chua = Not fixed
report-carried-note-title = How far, difficulties, own responsibility
report-carried-note-prompt = Please say more: what you did and how far it is fixed; difficulties (if any); your own responsibility.
report-carried-note-hint = The bot's hint: a few short sentences are enough.
report-raised-title = Explaining the issues raised
report-raised-prompt =
    The committee asked you to address in your review:
    { $issues }

    Please explain each issue: its causes and your own responsibility.

report-profile-intro = Before the year-end review, I need a little more to choose the right form (Guidance 43-HD/BTCTW). You answer only once; you can change it later in /hoso.
report-profile-intro-proxy = Before entering the review of { $name }, I need a little more to choose the right form. The questions below are about { $name }.
report-profile-holds-post = Do you hold a leadership or management post (in a Party, State, Front or mass-organisation body)?
report-profile-holds-post-yes = I hold a leadership or management post
report-profile-holds-post-no = I hold no leadership or management post
report-profile-admitted-at = In which month and year were you admitted to the Party? (e.g. 3/2026)
report-profile-admitted-at-invalid = I could not read a month and year (or it is still to come). Please type month/year, e.g. 3/2026.

report-exclusion-exempt = is exempt from Party work and meetings
report-exclusion-suspended = is suspended from Party activity
report-exclusion-new-member = was admitted less than 6 months ago
report-excluded = Under Regulation 366-QĐ/TW (Article 5), a member who { $reason } does not take part in the year-end review, so you do not need to write «{ $title }». If this is not right, please tell the cell secretary.
report-excluded-proxy = { $name } { $reason }, so under Regulation 366-QĐ/TW (Article 5) does not take part in «{ $title }».
report-excluded-for-admin = { $name } { $reason }, so under Regulation 366-QĐ/TW (Article 5) does not take part in «{ $title }». Their report is recorded as «not required».
report-form-not-served = By the profile, the review of { $name } follows Form { $form }, but «{ $title }» in the bot has only Form { $forms }. Form 2A (individuals holding a leadership or management post) is not in the bot because its official layout could not be verified: please use the form the cell hands out, or ask the secretary to choose another form if the profile is wrong.
report-status-excluded = not required to review
report-status-row-excluded = – { $name } — not required to review

profile-view-review =
    • Holds a leadership or management post: { $holdsPost }
    • Admitted to the Party (month/year): { $admittedAt }
profile-holds-post-yes = yes
profile-holds-post-no = no
button-edit-holds-post = Change the post held
button-edit-admitted-at = Change the month of admission

report-review-deadline-hint = Under Guidance 43-HD/BTCTW, the year-end review, evaluation and grading ends before 31/12.
report-button-review-deadline = Deadline { $date }
report-review-left-out = Not required to review (Regulation 366-QĐ/TW, Article 5): { $list }.
report-review-forms = Forms by profile: 2A: { $a }, 2B: { $b }, 2C: { $c }; not yet known (asked when they open it): { $unknown }.
report-review-no-2a = ⚠ { $count } members holding a leadership or management post need Form 2A, which is not in the bot (its official layout could not be verified). They use the form the cell hands out; if a profile is wrong, choose another form for that member in the round's status.
report-review-late-deadline = ⚠ Guidance 43-HD/BTCTW asks to finish before 31/12 (units of a special character: before 15/01 of the next year). Please check the deadline.

report-doc-status-excluded = Not required to review
report-button-download-collective = 📄 Draft of the cell's review (Form 01)
report-button-forms = Choose each member's review form
report-button-back-to-status = ‹ Round status
report-forms-none = No one in «{ $title }» is still writing, so no form can be changed.
report-forms-title = Each member's review form in «{ $title }». Choose a member to change it (when the profile is wrong):
report-forms-row = { $name } — Form { $form }
report-forms-unknown = not yet known
report-forms-pick = Which form does the review of { $name } follow?
report-form-label-2A = Form 2A — holding a leadership or management post
report-form-label-2B = Form 2B — no leadership or management post
report-form-label-2C = Form 2C — not working in the political system
report-form-not-editable = This report was submitted or accepted; its form can no longer change.
report-form-chosen = Form { $form } chosen for the review of { $name }.
report-form-unchanged = The review of { $name } already follows Form { $form }; nothing changed.
report-form-chosen-for-member = The cell secretary chose Form { $form } for your year-end review. The answers you gave are kept.

review-col-title = Draft of the cell's review, self-assessment and grading
review-col-subtitle = Year { $year }
review-col-note = A draft the bot assembled from the members' reviews, under the headings of Form 01 of Guidance 43-HD/BTCTW (headings as recorded; check them against the official form). Members' words are quoted as written, with their names, for the secretary to summarise; the cell's own text is left as dotted lines for the secretary. Under Guidance 43-HD/BTCTW the draft goes to members at least 3 working days before the review meeting.
review-col-fact-reviewed = Members who submitted their review: { $reviewed }/{ $total }.
review-col-fact-missing = Not yet submitted: { $names }.
review-col-fact-left-out = Not required to review (Regulation 366-QĐ/TW, Article 5): { $names }.
review-col-part-a = A. REVIEW
review-col-a1 = I. Strengths
review-col-a2 = II. Shortcomings and causes
review-col-a2-lead = Shortcomings the members named themselves (quoted as written):
review-col-a3 = III. Results of fixing
review-col-a3-counts = Shortcomings pointed out last time, as the members report them: fixed { $da }, being fixed { $dang }, not fixed { $chua }.
review-col-a4 = IV. Explanations
review-col-a4-names = Members who had issues raised for their review and explained them in their report: { $names }.
review-col-a5 = V. Responsibility of the collective and individuals
review-col-a6 = VI. Directions
review-col-part-b = B. SELF-ASSESSMENT AND GRADING
review-col-b1 = I. Self-score: …/30 + …/70 = …/100
review-col-b2 = II. Proposed grade
review-col-b2-counts = Grades the members proposed: Excellent { $xuat_sac }; Good { $tot }; Completed { $hoan_thanh }; Not completed { $khong_hoan_thanh }. (The cell comments; the competent level decides.)
review-col-total = Total
review-col-proposed = Proposed grade
review-col-signature = ON BEHALF OF THE CELL

report-collective-reminder = The round «{ $title }» is presented at the meeting of { $meeting }. Under Guidance 43-HD/BTCTW, the cell's draft review goes to members at least 3 working days before the meeting, that is by { $by } at the latest. The bot has assembled a draft from the reviews submitted, for you to edit.

report-button-forward = ⬆ Send this report up to the committee
report-button-forward-confirm = Send it up
report-forward-confirm = Send the report of { $name } up to { $committee }? The committee's secretary and deputies and the officer in charge of the cell will read it in full. The sending is recorded.
report-forward-done = Sent up to { $committee } ({ $count } recipients).
report-forward-not-linked = The cell is not linked to a committee above in the bot (see /capuytren), so it cannot be sent up.
report-forward-not-submitted = This report was withdrawn or returned; only a submitted or accepted report can be sent up.
report-forward-no-one = Nobody else in the committee can receive it in the bot yet; nothing was sent.
report-forwarded-header = ⬆ { $by } ({ $cell }) sent the report below up to the committee.
