# The committee's monthly roll-up: which cells met, attendance, unexcused absences, report progress, cells to nudge.

rollup-button-home = 📊 Monthly roll-up
rollup-button-previous = ‹ Previous month
rollup-button-next = Next month ›
rollup-button-list = List of cells
rollup-button-mine = Cells in my charge
rollup-button-all = All cells
rollup-button-sheet = 📊 Download Excel sheet
rollup-button-summary = ‹ Monthly roll-up
rollup-button-to-list = ‹ List of cells
rollup-button-digest = 🗓 Monthly digest: { $day ->
    [0] off
   *[other] day { $day }
}

rollup-title = 📊 Roll-up for { $month } — { $committee }
rollup-scope-mine = (The cells in your charge)
rollup-empty = No cell is linked to the committee on the bot yet.
rollup-empty-mine = You have not been put in charge of any cell.
rollup-meetings = Regular meetings: { $held }/{ $cells } cells met{ $upcoming ->
    [0] {""}
   *[other] , { $upcoming } cells still to meet
}
rollup-attendance = Attendance: { $present } present, { $excused } excused, { $absent } absent without reason — { $percent }% present
rollup-attendance-none = Attendance: no meeting has had its attendance recorded.
rollup-quality = Meetings under 90 minutes: { $short } cells · Documents sent less than a day ahead: { $late } cells
rollup-absences = Unexcused absences this year: { $removal } members in 3 months or more (QĐ 294, point 8.1), { $warning } members in 2 months
rollup-rounds-title = Reports:
rollup-rounds-none = Reports: no round open or due this month.
rollup-round-committee = • { $title } (due { $deadline }): { $done }/{ $total } submitted, { $returned } returned, { $missing } missing; { $complete }/{ $cells } cells complete
rollup-round-own = • Rounds opened by the cells ({ $rounds } rounds in { $cells } cells): { $done }/{ $total } submitted, { $returned } returned, { $missing } missing
rollup-rounds-more = … and { $count } more rounds
rollup-nudges-title = Cells to nudge first:
rollup-nudge-line = { $n }. { $cell }: { $issues }
rollup-nudges-more = … and { $count } more cells (see «List of cells»)
rollup-nudges-none = ✅ No cell needs a nudge.

rollup-issue-not-held = no meeting held
rollup-issue-threshold = { $count } members absent without reason in 3 months
rollup-issue-short = met { $minutes } minutes (under 90)
rollup-issue-reports-overdue = { $count } reports overdue
rollup-issue-documents-late = documents sent late

rollup-mark-held = ✅ { $day }
rollup-mark-upcoming = ⏳ { $day }
rollup-mark-not-held = ❌ not held
rollup-mark-percent = 👥 { $percent }%
rollup-mark-short = ⏱ { $minutes }′
rollup-mark-documents = 📄 late
rollup-mark-removal = ‼️ { $count }
rollup-mark-warning = ⚠️ { $count }
rollup-mark-overdue = 📝 { $count }

rollup-list-title = Cells — { $month } ({ $from }–{ $to } of { $total }):
rollup-list-line = { $n }. { $cell }: { $marks }
rollup-list-legend = ✅ met · ⏳ to meet · 👥 present · ⏱ under 90 minutes · 📄 documents late · ‼️ 3 months absent without reason · ⚠️ 2 months · 📝 reports overdue

rollup-card-title = 📋 { $cell } — { $month }
rollup-card-people = In charge: { $name } · Members on the bot: { $count }
rollup-card-meeting-held = { $kind }: held at { $when }
rollup-card-meeting-upcoming = Regular meeting: ⏳ to be held at { $when }
rollup-card-meeting-unrecorded = Regular meeting: ❌ scheduled at { $when } but attendance not recorded, so not counted as held
rollup-card-meeting-none = Regular meeting: ❌ no meeting this month
rollup-card-length = Length: { $minutes } minutes
rollup-card-length-short = Length: { $minutes } minutes ⚠️ under 90 minutes (HD 42)
rollup-card-length-unknown = Length: end time not recorded
rollup-card-documents-none = Documents: none sent through the bot
rollup-card-documents-on-time = Documents: sent at { $when }, at least a day ahead ✓
rollup-card-documents-late = Documents: ⚠️ sent at { $when }, less than a day before the meeting (HD 42)
rollup-card-documents-never = Documents: ⚠️ not sent to members before the meeting (HD 42)
rollup-card-attendance = Attendance: { $present } present, { $excused } excused, { $absent } absent without reason — { $percent }% present
rollup-card-attendance-none = Attendance: not recorded.
rollup-card-absences-title = Absent without reason in { $year }:
rollup-card-absence-removal = ‼️ { $name } — { $months } months (QĐ 294, point 8.1: for the cell to consider)
rollup-card-absence-warning = ⚠️ { $name } — { $months } months
rollup-card-absences-more = … and { $count } more
rollup-card-rounds-none = Reports: no round this month.
rollup-card-round = • { $title } (due { $deadline }): { $done }/{ $total } submitted ({ $accepted } accepted), { $returned } returned, { $missing } missing{ $open ->
    [yes] ; the round is open
   *[no] ; the round is closed
}
rollup-card-issues = To nudge: { $issues }
rollup-card-ok = ✅ Nothing to nudge.

rollup-digest-title = 🗓 Monthly digest — { $committee }
rollup-digest-current = { $day ->
    [0] Currently off.
   *[other] Currently sent on day { $day } of each month.
}
rollup-digest-explain = On the chosen day, in the morning, every committee officer on the bot gets the roll-up of the previous month. Choose the day (1 to 28):
rollup-digest-week = Days { $from }–{ $to }
rollup-digest-day = Day { $day }
rollup-digest-off = Turn the digest off
rollup-digest-pick-day = Choose the day:
rollup-digest-set = Done: the previous month's roll-up goes to the committee's officers on day { $day } of each month.
rollup-digest-unset = The monthly digest is off.
rollup-digest-header = 📬 The roll-up for { $month }, for the officers of { $committee }.
rollup-digest-open = See the details

rollup-sheet-title = Roll-up for { $month } — { $committee }
rollup-sheet-file = Monthly roll-up
rollup-sheet-cells = Cells
rollup-sheet-rounds = Reports
rollup-col-cell = Cell
rollup-col-in-charge = In charge
rollup-col-members = Members on the bot
rollup-col-state = Regular meeting
rollup-col-meeting = Meeting date
rollup-col-minutes = Length (minutes)
rollup-col-documents = Documents
rollup-col-present = Present
rollup-col-excused = Excused
rollup-col-absent = Absent without reason
rollup-col-percent = Present (%)
rollup-col-removal = Unexcused, 3 months or more
rollup-col-warning = Unexcused, 2 months
rollup-col-overdue = Reports overdue
rollup-col-issues = To nudge
rollup-col-round = Report round
rollup-col-deadline = Deadline
rollup-col-round-status = Round
rollup-col-submitted = Awaiting decision
rollup-col-accepted = Accepted
rollup-col-returned = Returned
rollup-col-missing = Missing
rollup-state-held = Held
rollup-state-upcoming = To be held
rollup-state-unrecorded = Attendance not recorded
rollup-state-none = Not held
rollup-documents-none = Not sent through the bot
rollup-documents-on-time = At least a day ahead
rollup-documents-late = Late
rollup-round-open = Open
rollup-round-closed = Closed
