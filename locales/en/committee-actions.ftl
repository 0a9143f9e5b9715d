# What a committee does for the cells under it: report rounds, notices, issues raised for a review.

ca-button-new-round = 📝 Open a report round
ca-button-rounds = 📊 Report rounds
ca-button-notice = 📢 Send a notice
ca-button-issues = 🗒 Review issues
ca-no-cells = No cell is linked to the committee in the bot yet.
ca-cells-and-more = { $names } and { $more } other cell(s)
ca-held = { $count } cell(s) are in their quiet hours; their messages go out when those end.
ca-help = /capuy — the committee's secretary and deputies open report rounds for the cells and follow each cell's counts, send notices to the cells' secretaries or to all their members, and raise issues for a member's review.

## Rounds opened by the committee

ca-round-intro = Opening a report round for the cells under { $committee }. Each chosen cell gets a round of its own: members submit to their cell's secretary as in any round; the committee follows each cell's counts, never the reports' contents.
ca-round-ask-scope = Which cells is this round for?
ca-round-button-all = All cells under the committee ({ $count })
ca-round-button-some = Choose some cells
ca-round-ask-cells = Choose the cells ({ $chosen }/{ $total } chosen). Choose a cell to tick or untick it; when done, choose «Done».
ca-round-button-cells-done = Done ({ $count } cell(s))
ca-round-cells-none = You have not chosen any cell.
ca-round-cells-all = all { $count } cells under the committee
ca-round-confirm =
    Open a report round for the cells:
    Template: { $template }
    Round: { $title }
    Deadline: { $deadline }
    Cells: { $cells }
    In each cell, every member the template is for must submit, except those exempt from meetings.
ca-round-button-open = Open the round and tell the cells
ca-round-opened = «{ $title }» is open in { $cells } cell(s), for { $members } member(s). Each cell's secretary, deputy and members are being told through the bot.
ca-round-no-one = { $count } cell(s) have nobody this template is for, so no round was opened there: { $cells }.
ca-round-left = { $count } cell(s) just left the committee, so no round was opened there: { $cells }.
ca-button-progress = See each cell's progress
ca-round-opened-for-cell =
    🏛 { $committee } opened the report round «{ $title }» for { $cell }, due { $deadline }; { $count } member(s) must submit.
    It is the cell's own round: follow it up, remind, accept or return as in any other round (/baocao). The committee sees only the counts, never the reports' contents.

ca-rounds-title = Report rounds opened by { $committee } ({ $total }):
ca-rounds-line = { $n }. «{ $title }» — due { $deadline }; { $cells } cell(s)
ca-rounds-empty = { $committee } has not opened any report round for its cells yet.
ca-progress-title = «{ $title }» — due { $deadline }; { $cells } cell(s)
ca-progress-totals = Whole committee: { $accepted } accepted, { $submitted } waiting, { $returned } returned, { $missing } missing (of { $total }).
ca-progress-line = { $n }. { $cell }: { $accepted } accepted · { $submitted } waiting · { $returned } returned · { $missing } missing / { $total }
ca-progress-closed = (closed)
ca-progress-empty = No cell is in this round.

## The committee's notices

ca-notice-intro = Sending a notice from { $committee } to the cells under it. It goes through the bot and never in a cell's quiet hours.
ca-notice-ask-text = Type the notice (at most { $max } characters).
ca-notice-ask-audience = Who should receive it?
ca-notice-audience-secretaries = The cells' secretaries and deputies
ca-notice-audience-members = Every member of the cells
ca-notice-button-audience = { $who } ({ $count })
ca-notice-confirm =
    To: { $who } — { $count } member(s).

    { $text }
ca-notice-button-send = Send the notice
ca-notice-sent = The notice is on its way to { $count } member(s) through the bot.
ca-notice-sent-none = Nobody in the bot matches this choice yet; the notice was saved but sent to no one.
ca-notice-message =
    📢 Notice from { $committee }:

    { $text }

## Issues raised for a review

ca-issues-title = Review issues for { $year } raised by { $committee } ({ $total }):
ca-issues-line = { $n }. { $name }: { $text }
ca-issues-empty = { $committee } has raised no review issue for { $year }.
ca-issue-button-new = ➕ Raise an issue for a member
ca-issue-button-withdraw = Withdraw issue { $n } ({ $name })
ca-issue-pick-cell = Which cell is the member in?
ca-issue-pick-member = Choose a member of { $cell }:
ca-issue-no-members = { $cell } has no member in the bot yet.
ca-issue-intro = A review issue for { $year } for { $name } ({ $cell }). It will appear in their year-end review, in the section for the committee's suggestions, and they are told at once.
ca-issue-ask-text = What should { $name } address in their review? (at most { $max } characters)
ca-issue-confirm =
    Review issue for { $name }:
    «{ $text }»
ca-issue-button-save = Save and tell them
ca-issue-raised = The review issue for { $year } was recorded for { $name }, who has been told.
ca-issue-for-member =
    🏛 { $committee } asks you to address this in your { $year } review:
    «{ $text }»
    It will appear in your year-end review, in the section for the committee's suggestions.
ca-issue-withdraw-confirm =
    Withdraw the review issue for { $name }?
    «{ $text }»
    They will be told, and it will no longer appear in their review.
ca-issue-button-withdraw-confirm = Withdraw the issue
ca-issue-withdrawn = The review issue for { $name } was withdrawn; they have been told.
ca-issue-already-withdrawn = This issue was already withdrawn; nothing changed.
ca-issue-withdrawn-for-member = { $committee } withdrew the review issue for { $year }: «{ $text }». It is no longer part of your review.
