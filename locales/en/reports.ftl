## Self-review reports: texts of the question-by-question engine

report-engine-back = « Back
report-engine-skip = Skip
report-engine-pause = Save, continue later
report-engine-done = Done
report-engine-keep = Keep as is
report-engine-yes = Yes
report-engine-no = No
report-engine-prev-page = ‹ Previous page
report-engine-next-page = Next page ›
report-engine-no-note = No note
report-engine-submit = Submit
report-engine-confirm-submit = Confirm and submit
report-engine-cancel-submit = Review again
report-engine-edit-question = Edit question { $n }
report-engine-view-question = Read answer { $n }
report-engine-review-all = Review all again
report-engine-hint-button = Hint
report-engine-question-number = Question { $n }/{ $total }
report-engine-item-number = Item { $n }/{ $total }
report-engine-page-status = Page { $page }/{ $pages }
report-engine-selected-count = { $count } selected
report-engine-hint = Hint: { $hint }
report-engine-quote-intro = Verbatim from { $source }:
report-engine-text-how-to = Answer in one or several messages; when finished choose «Done» (or type «done»).
report-engine-text-limits = ({ $min } to { $max } characters.)
report-engine-text-min = (At least { $min } characters.)
report-engine-text-max = (At most { $max } characters.)
report-engine-saved-text =
    Saved answer: «{ $text }»
    Write a new answer, or choose «Keep as is».
report-engine-pending-text = What you wrote but have not finished with «Done» (it is kept): «{ $text }»
report-engine-text-received = Noted ({ $count } characters). Keep writing, or choose «Done» (type «done») when finished.
report-engine-saved-choice = Saved choice: { $label }. Choose again, or choose «Keep as is».
report-engine-saved-rating = Rated: { $level }.
report-engine-multi-how-to = { $platform ->
    [zalo] Type the number of an item to select or unselect it (several at once is fine, e.g. «1, 3»), then choose «Done».
   *[other] Choose an item to select or unselect it (or type the numbers of items on this page, e.g. «1, 3»), then choose «Done».
}
report-engine-multi-limits = (Select at least { $min }, at most { $max }.)
report-engine-rating-how-to = Your self-assessment: none, present, or at risk?
report-engine-rating-note-prompt = Add a note for «{ $item }» (optional): type it and choose «Done», or choose «No note».
report-engine-rating-note-pending = Note so far: «{ $text }». Keep writing, or choose «Done».
report-engine-err-empty = You have not written anything for this question yet.
report-engine-err-too-short = Your answer has { $count } characters; at least { $min } are needed. Add more and choose «Done»; what you wrote is kept.
report-engine-err-too-long = With the part you just sent the answer would be { $count } characters, over the maximum of { $max }, so that part was not added. What you wrote before is kept. Please shorten it and send it again; here is what you sent:
report-engine-err-note-too-long = The note would be { $count } characters, over the maximum of { $max }, so that part was not added. Please shorten it and send it again:
report-engine-err-not-option = { $platform ->
    [zalo] «{ $text }» matches no option. Please type the number of the option you choose.
   *[other] «{ $text }» matches no option. Please choose one of the options below.
}
report-engine-err-yes-no = Please answer «Yes» or «No».
report-engine-err-use-buttons = { $platform ->
    [zalo] For this question, please type the number of the option you choose.
   *[other] For this question, please choose one of the options below.
}
report-engine-err-too-few = Please select at least { $min }.
report-engine-err-not-item = This page has no item number { $text }. Please type the number of an item on this page.
report-engine-err-too-many = At most { $max } may be selected. Unselect another item first.
report-engine-err-not-optional = This question cannot be skipped.
report-engine-err-unsupported = The bot can only read text messages and choices. Please answer in text.
report-engine-err-stale = That choice belongs to an earlier question and no longer works; nothing was changed.
report-engine-err-at-first = This is the first question.
report-engine-err-wrong-draft = This draft belongs to another report template; nothing was changed.
report-engine-intro =
    { $title }

    { $description }

    Your draft is saved after every answer. Choose «Save, continue later» at any time.
report-engine-paused = Draft saved. Whenever convenient, type /baocao to continue where you left off.
report-engine-welcome-back = Continuing «{ $title }».
report-engine-template-updated = The template «{ $title }» was updated (version { $version }). Your answers are kept; continue from the first unanswered question.
report-engine-step-moved = The question you were answering no longer applies; moving on to the next one.
report-engine-text-not-saved = What you just sent was not recorded because the question changed; please send it again if needed:
report-engine-template-missing = The template of this draft was not found. Please tell the cell secretary.
report-engine-state-invalid = The saved draft could not be read. Please tell the cell secretary.
report-engine-review-title = Review «{ $title }» before submitting:
report-engine-review-how-to = Choose «Edit question N» to change an answer, «Read answer N» to read one answer whole, or «Submit» to send it to the cell secretary.
report-engine-review-empty = No question of this template applies to you.
report-engine-edited = Saved question { $n }:
report-engine-answer-skipped = (skipped)
report-engine-confirm-question = Submit «{ $title }» to the cell secretary? Until the secretary accepts it, you can still take it back to change it.
report-engine-submitted = «{ $title }» has been submitted. Thank you!
report-engine-already-submitted = «{ $title }» has already been submitted; this no longer has any effect.
report-engine-full-name = Full name
report-engine-cell = Party cell
report-engine-date = Date
report-engine-report-no-answer = (No answer)
report-engine-rating-note = Note
report-grade-xuat_sac = Excellently completed duties
report-grade-tot = Well completed duties
report-grade-hoan_thanh = Completed duties
report-grade-khong_hoan_thanh = Did not complete duties
report-level-none = None
report-level-present = Present
report-level-risk = At risk
report-engine-decimal-mark = .
report-engine-score-group = Group { $n }/{ $total }: { $label } (0 to { $max } points)
report-engine-score-criterion =
    Criterion { $n }/{ $total } · { $group }
    { $label } (0 to { $max } points)
report-engine-score-sheet = Scoring sheet: { $title }
report-engine-score-how-to = { $platform ->
    [zalo] Type the points, e.g. «25» or «25.5» (one decimal place at most); the word «points» may follow.
   *[other] Type the points, e.g. «25» or «25.5» (one decimal place at most).
}
report-engine-score-entered = Entered: { $points } points. Type a new number, or choose «Keep { $points } points».
report-engine-score-keep = Keep { $points } points
report-engine-score-line = { $label }: { $points }/{ $max }
report-engine-score-total = Total: { $total }/{ $max }
report-engine-score-short = { $total }/{ $max } ({ $groups })
report-engine-score-saved =
    Self-score saved:
    { $score }
report-engine-err-score-not-number = «{ $text }» is not a number of points. Type a number from 0 to { $max }; the points already entered are kept.
report-engine-err-score-range = Points here go from 0 to { $max }; «{ $text }» is outside that range and was not recorded. The points already entered are kept; please type again.
report-engine-err-score-decimals = Points take one decimal place at most (e.g. 25.5); «{ $text }» was not recorded. The points already entered are kept; please type again.
# The member proposes; the cell and the higher level decide (QĐ 366 Article 12): never worded as a grade given to the member.
report-engine-proposed-grade = Proposed grade: { $grade }

## Points bands (Regulation 366-QĐ/TW, Article 11): the bot's own words, and the conditions quoted verbatim

report-band-intro = Your self-score totals { $total }/{ $max }. Under Regulation 366-QĐ/TW, Article 11, this total lies in the points band of «{ $grade }» ({ $range }). The score is one ground only: each level has its own conditions as well.
report-band-conditions-lead = Besides the total, this level has these conditions:
report-band-cases-lead = This level also covers the following cases, whatever the total:
report-band-leaders = For members holding a leadership or management post, Article 11 sets its own conditions for each level; the bot does not have their verbatim text: please check them in Regulation 366-QĐ/TW.
report-band-source = Quy định 366-QĐ/TW, Điều 11
report-band-propose = The band is only a suggestion. You propose one of the four levels yourself, even one other than the band; the cell reviews it and recommends, and the competent level decides the grade (Regulation 366-QĐ/TW, Article 12).
report-band-range-xuat_sac = 90 points or more
report-band-range-tot = from 70 to under 90 points
report-band-range-hoan_thanh = from 50 to under 70 points
report-band-range-khong_hoan_thanh = under 50 points
# Verbatim in Vietnamese, as in the vi file (QĐ 366 Điều 11, 1.2–1.4, 2.2, 3.2, 4.2): an official text is quoted, never translated.
report-band-quote-xuat_sac =
    1.2. Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý; đảng viên không làm việc trong hệ thống chính trị: Hoàn thành 100% các nhiệm vụ được giao, đúng hạn, bảo đảm chất lượng, hiệu quả, trong đó có ít nhất 30% nhiệm vụ hoàn thành vượt mức yêu cầu.
    1.3. Đã khắc phục 100% các hạn chế, khuyết điểm được chỉ ra ở thời điểm kiểm điểm trước (nếu có).
    1.4. Số lượng tập thể, cá nhân được xếp loại "Hoàn thành xuất sắc nhiệm vụ" không vượt quá 20% tổng số tập thể, cá nhân được xếp loại "Hoàn thành tốt nhiệm vụ" … (cấp có thẩm quyền có thể quyết định không vượt quá 25% khi có thành tích xuất sắc, nổi trội …)
report-band-quote-tot = 2.2. Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý và đảng viên không làm việc trong hệ thống chính trị: Hoàn thành 100% các nhiệm vụ được giao, đúng thời hạn, bảo đảm chất lượng, hiệu quả.
report-band-quote-hoan_thanh = 3.2. Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý và đảng viên không làm việc trong hệ thống chính trị: Hoàn thành 100% các nhiệm vụ được giao; số nhiệm vụ chưa bảo đảm tiến độ không vượt quá 20%.
report-band-quote-khong_hoan_thanh =
    4.2. Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý và đảng viên không làm việc trong hệ thống chính trị
    - Bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, vi phạm liên quan đến hoạt động công vụ bị xử lý kỷ luật từ khiển trách trở lên, vi phạm những điều đảng viên không được làm, vi phạm quy định về trách nhiệm nêu gương, gây ảnh hưởng xấu đến uy tín của bản thân và tổ chức, cơ quan, đơn vị.
    - Có trên 50% số nhiệm vụ trong năm bị đánh giá không hoàn thành.

## Self-review reports: menu, help, list

report-button-menu = Self-review reports
report-button-new-round = Open a new report round
report-help-member =
    Self-review reports:
    /baocao — open report rounds: start, continue, view or take back a submitted report to change it; download your own as Word to print and sign.
    The bot asks one question at a time and saves every answer at once; you can stop at any time (/huy) and continue later, even on another device.
report-help-admin = /dotbaocao — open a new report round (template, deadline, who must answer). In /baocao: see who has submitted, remind those who have not, enter a report on a member's behalf, accept or return for additions; download each report or the whole round as Word, the status as Excel.
report-list-title = Self-review reports — { $cell }
report-list-empty = There is no open report round for you at the moment.
report-list-line = • «{ $title }» — due { $deadline }: { $status }
report-list-line-closed = • «{ $title }» (round closed): { $status }
report-list-admin-hint = As secretary or deputy: choose «Status» to see who has submitted, remind the others or enter a report on a member's behalf.
report-status-not-started = not started
report-status-drafting = in progress
report-status-submitted = submitted, waiting for the secretary
report-status-returned = returned by the secretary for additions
report-status-accepted = accepted by the secretary
report-button-start = Start: { $title }
report-button-continue = Continue: { $title }
report-button-complete = Complete: { $title }
report-button-view-own = View submitted: { $title }
report-button-withdraw = Take back to change: { $title }
report-button-status = Status: { $title }
report-button-status-closed = Closed — status: { $title }
report-button-status-short = See who has submitted
report-button-begin = Start
report-button-resume = Continue
report-button-resume-now = Continue now
report-button-view-short = View the submitted report
report-button-withdraw-short = Take back to change
report-button-complete-short = Edit the report
report-button-done = Done

## Questions the bot adds (the bot's own wording, not an official text)

report-holds-post-title = Holds a leadership or management post
report-holds-post-prompt = Do you currently hold a leadership or management post (in the Party, the government, the Fatherland Front or a mass organisation)? If so, this report has some extra questions for members holding a post.
report-holds-post-hint = This only lets the bot pick the right questions for you.
report-follow-up-section = Follow-up of self-correction
report-follow-up-title = Results of the previous commitments
report-follow-up-prompt =
    Last time you committed to:
    «{ $commitment }»

    How have you carried out these commitments? What have you done, what not yet, and why?
report-follow-up-hint = Briefly, each item and its result.

## The member's draft

report-open-submitted = «{ $title }» has been submitted (version { $number }) and is waiting for the secretary. To change it, choose «Take back to change».
report-open-accepted = «{ $title }» has been accepted by the secretary and can no longer be changed.
report-round-closed = The report round «{ $title }» is closed; nothing more can be submitted. Your saved answers are kept.
report-busy = Your draft kept being saved from another device, so your last message was not recorded. Please send it again.
report-stale-reopen = That choice belongs to a report that is paused; nothing was changed. Choose «Continue» to reopen it at the question you were on.
report-submitted-note = The cell secretary will receive it. Until the secretary accepts it, you can still take it back to change it (choose below, or /baocao).
report-return-comment-banner = The secretary returned this report for additions. The secretary's comment: «{ $comment }»

## Entry on a member's behalf

report-proxy-intro = You are entering «{ $title }» on behalf of { $name } (from a paper copy or an interview). The submission will say that you entered it. Type /huy to stop; what you entered is kept.
report-proxy-not-possible = «{ $title }» has already been submitted or accepted; it can no longer be entered on the member's behalf.
report-proxy-submitted-note = Submitted on behalf of { $name }. The submission says that you entered it; { $name } is told as well.
report-proxy-submitted-for-member = The cell secretary entered and submitted «{ $title }» on your behalf (entered by { $enteredBy }). You can read it.

## To the secretary: accept, return, take back

report-admin-header =
    Report of { $name } — { $cell }
    Round: «{ $title }» · version { $number } submitted at { $at }
report-admin-proxy = Entered on the member's behalf by { $enteredBy } (from a paper copy or an interview).
report-admin-late = Submitted after the deadline ({ $deadline }).
report-admin-changed = Changed since version { $previous }: { $questions }.
report-admin-changed-item = question { $n } «{ $title }»
report-admin-unchanged = No answer changed since version { $previous }.
report-admin-how-to = The report of { $name } (version { $number }): choose «Accept», or «Return for additions» and write a comment.
report-version-withdrawn = (The member took this version back to change it.)
report-version-returned = (This version was returned for additions. Comment: «{ $comment }»)
report-version-accepted = (This version has been accepted.)
report-button-accept = Accept
report-button-return = Return for additions
report-accepted-done = Accepted the report of { $name }. They will be told.
report-accepted-for-member = The cell secretary accepted your report «{ $title }». Thank you!
report-already-accepted = This report of { $name } was already accepted by { $by }; nothing was changed.
report-already-returned = This report of { $name } was already returned for additions by { $by }; nothing was changed.
report-already-withdrawn = { $name } took this report back to change it; nothing was changed. When they submit again, I will send you the new version.
report-return-ask = Write your comment and what { $name } should add, in one message (at most { $max } characters). Choose «Cancel» or type /huy if you do not want to return it.
report-return-text-only = The comment has to be written as text.
report-return-too-long = The comment is { $count } characters long, over the maximum of { $max }. Please shorten it and send it again; here is what you sent:
report-returned-done = Returned the report of { $name } with your comment. When they submit again, I will send you the new version with the changed questions.
report-returned-for-member =
    The cell secretary returned «{ $title }» for additions.
    Comment: «{ $comment }»
    All your answers are kept; change what is needed and submit again.
report-withdraw-confirm = Take back «{ $title }» (version { $number }) to change it? The secretary will be told; submit it again when done.
report-withdraw-too-late = «{ $title }» can no longer be taken back: the secretary has already dealt with it.
report-withdrawn-done = Taken back. All your answers are kept; change them and submit again.
report-withdrawn-for-admin = { $name } took back «{ $title }» (version { $number }) to change it. When they submit again, I will send you the new version with the changed questions.

## Notices, reminders, digest

report-round-opened =
    { $cell } opened the report round «{ $title }».
    Deadline: { $deadline }.
    The bot asks one question at a time; every answer is saved at once, and you can stop and continue at any time.
report-round-opened-meeting = The report is for the meeting at { $when }.
report-reminder = Reminder: { $left } left until the deadline of «{ $title }» ({ $deadline }).
report-reminder-overdue = The deadline of «{ $title }» has passed ({ $deadline }). You can still complete and submit it.
report-left-days = { $n } day(s)
report-left-hours = { $n } hour(s)
report-reminder-not-started = You have not started yet.
report-reminder-drafting = Your draft is in progress; every answer so far is kept.
report-reminder-returned = Your report is waiting for the additions the secretary asked for.
report-digest = Round «{ $title }» (due { $deadline }): { $submitted }/{ $total } members have submitted; not yet: { $missing }.
report-digest-all = Round «{ $title }» (due { $deadline }): all { $total }/{ $total } members have submitted.

## Status

report-status-title =
    Status of «{ $title }» — due { $deadline }
    { $accepted ->
        [0] Submitted { $submitted }/{ $total }.
       *[other] Submitted { $submitted }/{ $total } (accepted { $accepted }).
    }
report-status-row-not-started = ○ { $name } — not started
report-status-row-drafting = ✎ { $name } — in progress ({ $answered }/{ $total } questions)
report-status-row-submitted = ● { $name } — version { $number } submitted, waiting
report-status-row-returned = ↩ { $name } — returned, being completed
report-status-row-accepted = ✓ { $name } — accepted
report-status-proxy-mark = (entered by the secretary)
report-status-nobody = Nobody has to submit in this round.
report-status-closed = This round was closed at { $at }.
report-button-read = Read: { $name }
report-button-proxy = Enter for: { $name }
report-button-remind-now = Remind those who have not submitted
report-button-close-round = Close the round
report-reminded-now = { $count ->
    [0] Nobody needs a reminder right now.
   *[other] Sent a reminder to { $count } member(s) who have not submitted.
}
report-reminded-now-held = It is the cell's quiet time ({ $start }–{ $end }), so the reminder to { $count } member(s) who have not submitted goes out at { $time }.
report-close-confirm = Close «{ $title }»? After that nobody can submit; the submitted reports are kept.
report-closed-done = Closed the round «{ $title }».

## Opening a round

report-new-round-intro = A new report round for { $cell }. I will ask a few short questions; type /huy at any time to stop.
report-no-templates = No report template is available. Please ask the bot's operator to check the templates folder.
report-ask-template = Which report template is this round for?
report-ask-title = What is the round called ({ $min } to { $max } characters)? For example «Year-end review 2026». Or choose below to use the template's name.
report-button-use-template-title = Use: { $title }
report-title-invalid = The round's name needs { $min } to { $max } characters.
report-ask-deadline = When is the deadline? For example «20/12», «17h ngày 20/12», «thứ Sáu tuần sau 17 giờ». A date alone means 23:59 that day.
report-deadline-unclear = I could not read the deadline «{ $text }». Please write it like «20/12» or «17h ngày 20/12».
report-deadline-past = That moment has passed. Please choose a deadline after now.
report-deadline-too-far = That deadline is too far ahead (over two years); please check the year.
report-deadline-invalid = That date or time does not exist; please check it.
report-ask-audience = Who has to submit?
report-button-audience-all = All members ({ $count })
report-button-audience-categories = By category
report-ask-categories = Choose the categories who have to submit (choose one to select or unselect it), then choose «Done».
report-categories-none = Please choose at least one category.
report-ask-exempt = { $count } member(s) are exempt from party work and meetings: { $names }. By default they do not have to submit. Should they submit too?
report-button-exempt-no = No, they do not have to submit
report-button-exempt-yes = Yes, they have to submit too
report-ask-meeting = Is this report for an upcoming meeting?
report-button-no-meeting = Not for a particular meeting
report-meeting-none = not for a particular meeting
report-audience-all = all members
report-audience-some = categories: { $list }
report-audience-with-exempt = including the exempt members
report-confirm-round =
    Please check before opening the round:
    • Template: { $template }
    • Name: { $title }
    • Deadline: { $deadline }
    • Who submits: { $audience } — { $count } member(s)
    • Meeting: { $meeting }
    When the round opens, I tell every member at once, remind those who have not submitted 3 days and 1 day before the deadline, and send you a tally.
report-button-open-round = Open the round and tell the members
report-round-no-one = No member belongs to the chosen categories. Please choose again.
report-round-opened-done = Opened «{ $title }» for { $count } member(s); the notices are on their way. Follow the submissions: choose «See who has submitted» below, or type /baocao.
report-round-opened-done-held = Opened «{ $title }» for { $count } member(s). It is the cell's quiet time ({ $start }–{ $end }), so the notices go out at { $time }. Follow the submissions: choose «See who has submitted» below, or type /baocao.
report-use-buttons = { $platform ->
    [zalo] Please type the number of the option you choose.
   *[other] Please choose one of the options below.
}
command-baocao = Self-review reports
command-dotbaocao = Open a report round (secretary)

## Word and Excel documents

report-button-download = 📄 Download as Word
report-button-download-round = 📄 Download { $count } accepted reports (Word)
report-button-download-status = 📊 Download the status as Excel
report-doc-signature = Member reporting
report-doc-no-answer = (no answer)
report-doc-round-file = reports
report-doc-status-file = round status
report-doc-status-title = Status of the round «{ $title }» — { $cell }
report-doc-col-status = Status
report-doc-col-submitted = Submitted at
report-doc-col-versions = Submissions
report-doc-col-decided-by = Accepted / returned by
report-doc-col-decided-at = At
report-doc-status-not_started = Not started
report-doc-status-drafting = Writing
report-doc-status-submitted = Submitted, waiting
report-doc-status-returned = Returned for additions
report-doc-status-accepted = Accepted

# A round opened by the committee above for its cells (committees/actions): the cell's own round, marked.
report-round-from-committee = (opened by { $committee })
report-status-from-committee = 🏛 Opened by { $committee } for the cells under it; the cell follows it up, reminds and accepts as in any other round.
