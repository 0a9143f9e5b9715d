## Dates and times

meeting-when = { $time }, { $weekday } { $date }
weekday-0 = Sunday
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-short-0 = Sun
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
remaining-minutes = in { $minutes } minutes
remaining-hours = { $minutes ->
    [0] in { $hours } hours
   *[other] in { $hours } hours { $minutes } minutes
}
remaining-days-hours = { $hours ->
    [0] in { $days } days
   *[other] in { $days } days { $hours } hours
}

## Meetings

meeting-kind-dinh_ky = Regular monthly cell meeting
meeting-kind-dinh_ky_bo_sung = Additional regular meeting
meeting-kind-chuyen_de = Thematic meeting
meeting-kind-dien_dan = Forum
meeting-kind-bat_thuong = Extraordinary meeting
meeting-title-regular = Regular cell meeting, { $month }
meeting-line-title = { $title } ({ $cell })
meeting-line-when = 🕖 When: { $when }
meeting-line-place = 📍 Where: { $place }
meeting-line-topic = 📌 Topic: { $topic }
meeting-line-agenda = 📋 Agenda: { $agenda }
meeting-line-preparation = ✍️ Please prepare: { $preparation }
meeting-documents = 📎 Documents to read before the meeting:
meeting-documents-count = 📎 { $count } document(s) attached.
meeting-is-cancelled = This meeting was cancelled.
place-none = (not given)

## Answers

button-attend = Attend
button-absent = Ask leave
ask-absence-reason = Why do you ask leave?
reason-om_dau = Illness
reason-cong_tac = Work trip
reason-gia_dinh = Family matter
reason-khac = Other reason
ask-absence-reason-text = Please write the reason briefly.
answer-none = no answer yet
answer-attend = attending
answer-absent = asked leave ({ $reason })
answer-absent-short = asked leave
answer-recorded = Recorded: { $answer } — { $title }, { $when }. You can change your answer before the meeting in /lich.
your-answer = Your answer: { $answer }.
proxy-pick-member = Record the answer for which member? (for members who told you in person or have no smartphone)
proxy-ask-answer = Answer of { $name }:
proxy-recorded = Recorded for { $name }: { $answer } (entered by the secretary).

## Reminders and notices

reminder-header = 🔔 Meeting reminder ({ $remaining }):
reminder-header-answered = 🔔 Meeting time reminder ({ $remaining }):
reminder-ask-answer = Please choose «Attend» or «Ask leave».
reminder-answered-attend = You said you will attend. See you there.
reminder-late = (This reminder comes later than planned because the system was briefly down.)
announce-new = 📣 New meeting:
announce-moved = 📣 The meeting has been moved to a new time:
announce-place = 📣 The meeting has a new place:
announce-cancelled = 📣 { $cell }: the meeting «{ $title }» at { $when } has been cancelled.
announce-answer-kept = Your earlier answer still stands; choose again to change it if needed.
summary-title = 📊 Answers so far — { $title }, { $when }
summary-attend = • Attending ({ $count }): { $names }
summary-absent = • Asked leave ({ $count }): { $names }
summary-none = • No answer ({ $count }): { $names }
summary-unreachable = • Not reachable through the bot ({ $count }): { $names }
summary-nobody = nobody
summary-invited = Invited: { $count }.
summary-names-more = { $names } and { $rest } more
answers-group-attend = Attending
answers-group-absent = Asked leave
answers-group-none = No answer
answers-group-unreachable = Not reachable
button-answers-list = Full list: { $group } ({ $count })
answers-list-title = { $group } ({ $count }) — page { $page }/{ $pages }:
list-page-status = Page { $page }/{ $pages }
button-prev-page = ‹ Previous page
button-next-page = Next page ›
button-proxy-answer = Record an answer for a member
notes-broadcast =
    📝 { $title } ({ $when }) — main points:
    { $notes }

## Secretary: scheduling

button-schedule = Meeting schedule
button-meetings-admin = Manage meetings
admin-title = Meetings of { $cell }
admin-rule = Regular meeting: { $rule }; place: { $place }.
admin-no-rule = No regular monthly meeting set yet.
admin-upcoming = Upcoming meetings (choose to view or change):
admin-no-upcoming = No upcoming meetings.
admin-answer-counts = Answers: { $attend } attending, { $absent } asked leave, { $none } no answer.
button-new-meeting = Add a meeting (thematic, forum…)
button-set-rule = Set the monthly meeting
button-change-rule = Change the monthly meeting
button-move-meeting = Change time
button-change-place = Change place
button-answer-status = Answers so far
button-cancel-meeting = Cancel the meeting
button-reminder-settings = Reminder settings
button-attendance-history = Attendance record
button-attendance-for = Attendance { $date }
new-meeting-intro = Adding a meeting. Type /huy at any time to stop.
ask-meeting-kind = What kind of meeting?
ask-meeting-title = The meeting's name? (e.g. Forum: the cell's role in educating and managing members)
ask-meeting-topic = Topic or main content (optional).
ask-meeting-date = Which day? Choose a day, or type day and time such as «5/12 19h30», «19:30 05/12/2026», «thứ 6 tuần sau 14h».
ask-meeting-new-date = The new time? Choose a day, or type e.g. «5/12 19h30», «thứ 6 tuần sau 14h».
ask-meeting-time = What time? Choose one, or type e.g. «19h30», «7 giờ tối».
ask-meeting-place = Where? (e.g. Cultural house, neighbourhood 3)
ask-meeting-new-place = The new place?
ask-meeting-agenda = Agenda (optional).
ask-meeting-preparation = What should members prepare? (optional)
ask-meeting-documents = { $count ->
        [0] Documents to read beforehand
       *[other] Documents to read beforehand ({ $count } so far)
    }: { $platform ->
        [zalo] paste the document's web address (starting with http); on Zalo the bot cannot receive files yet.
       *[other] send a file or paste a link.
    } When done, choose «Done, no more documents».
button-documents-done = Done, no more documents
meeting-document-added = Document received ({ $count } in all).
meeting-confirm = Please check; to correct an item, choose «Change …» for it. When saved, members are told at once and reminded before the meeting.
button-meeting-save = Save and announce
button-meeting-edit-kind = Change kind
button-meeting-edit-title = Change name
button-meeting-edit-topic = Change topic
button-meeting-edit-time = Change day and time
button-meeting-edit-place = Change place
button-meeting-edit-agenda = Change agenda
button-meeting-edit-preparation = Change preparation
button-meeting-edit-documents = Add documents
meeting-saved = The meeting at { $when } is saved and { $count } members have been told.
meeting-saved-held = The meeting at { $when } is saved. It is the cell's quiet time ({ $start }–{ $end }), so { $count } members will be told at { $time }.
meeting-moved = The meeting now starts at { $when }; members are told once and reminded at the new time.
meeting-moved-held = The meeting now starts at { $when }; reminders follow the new time. It is the cell's quiet time ({ $start }–{ $end }), so members will be told at { $time }.
meeting-place-changed = The place is now «{ $place }»; members are told once.
meeting-place-changed-held = The place is now «{ $place }». It is the cell's quiet time ({ $start }–{ $end }), so members will be told at { $time }.
cancel-meeting-confirm = Cancel the meeting «{ $title }» at { $when }? Every member will be told.
meeting-cancelled-done = The meeting is cancelled, members are told, and its reminders stopped.
meeting-cancelled-done-held = The meeting is cancelled and its reminders stopped. It is the cell's quiet time ({ $start }–{ $end }), so members will be told at { $time }.
ask-meeting-rule = The regular monthly meeting? E.g. «ngày 5 hằng tháng 19h30», «thứ Năm cuối tháng 14h», «thứ Hai đầu tiên 8h».
ask-rule-place = The usual place? (optional)
rule-day-of-month = the { $day ->
        [1] 1st
        [2] 2nd
        [3] 3rd
        [21] 21st
        [22] 22nd
        [23] 23rd
        [31] 31st
       *[other] { $day }th
    } of every month, at { $time }
rule-day-of-month-late = the { $day ->
        [31] 31st
       *[other] { $day }th
    } of every month (the last day in months that have no such day), at { $time }
rule-weekday-of-month = the { $nth } { $weekday } of the month, at { $time }
rule-nth-1 = first
rule-nth-2 = second
rule-nth-3 = third
rule-nth-4 = fourth
rule-nth-last = last
rule-saved = Regular meeting set: { $rule }. Next two: { $next }. The bot schedules the following months by itself and reminds before each.
ask-meeting-notes = Would you like to send members a short note or the main points of the resolution? Type it, or choose «Skip».
ask-meeting-ended = For the minutes: what time did the meeting end? (e.g. «21:15»), or choose «Skip».
ask-meeting-chair = Who chaired the meeting? Type the full name, or choose «Skip».
ask-meeting-recorder = Who took the minutes? Type the full name, or choose «Skip».
minutes-ready = Saved. The minutes draft holds everything the bot knows; the course of the meeting, the discussion and the votes are left blank for the secretary of the meeting.
invalid-wall-time = Not a time. E.g. «21:15», «21h15», «21 giờ».
notes-sent = Sent to { $count } members.
notes-sent-held = Saved. It is the cell's quiet time ({ $start }–{ $end }), so it goes to { $count } members at { $time }.
notes-skipped = No note sent.

## Reminder settings

ask-reminder-offsets = How long before the meeting should members be reminded? Type e.g. «3 ngày, 1 ngày, 2 giờ» (up to 6).
ask-quiet-hours = Hours with no reminders (night), as «21:30-06:30». Choose «Skip» to keep them.
settings-view = Reminders: { $offsets } before. None from { $quietStart } to { $quietEnd }; one due then is sent at { $quietEnd } if still useful.
offset-days = { $n } days
offset-hours = { $n } hours
offset-minutes = { $n } minutes

## Attendance

attendance-prompt = The meeting «{ $title }» ({ $when }) has taken place. Please record attendance.
button-record-attendance = Record attendance
attendance-title = Attendance — { $title }
attendance-legend = { $platform ->
        [zalo] Type a name's number to change it (several at once: «2, 5»)
       *[other] Choose a name to change it
    }: ✅ present → ❌ absent without reason → 🟡 excused. Prefilled from members' answers. Choose «Save attendance» when done.
button-attendance-save = Save attendance
attendance-use-buttons = { $platform ->
        [zalo] Please type the numbers of the names to change (several at once: «2, 5»), then choose «Save attendance».
       *[other] Please choose the names in the list to change them, then «Save attendance».
    }
attendance-saved = Attendance saved: { $present } present, { $excused } excused, { $absent } absent without reason.
attendance-not-yet = The meeting has not taken place yet; record attendance afterwards.
attendance-nothing = No meeting has taken place yet to record.
history-title = Attendance in { $year } — { $cell }:
history-line = • { $name }: excused { $excused }, absent without reason { $absent }
history-line-two = • { $name }: excused { $excused }, absent without reason { $absent } — ⚠️ { $months } months with an unexcused absence
history-line-three = • { $name }: excused { $excused }, absent without reason { $absent } — ‼️ { $months } months with an unexcused absence
history-rule = Regulation 294-QĐ/TW, point 8.1: the cell considers proposing removal from the rolls for «Đảng viên bỏ sinh hoạt đảng hoặc không đóng đảng phí ba tháng trong năm mà không có lý do chính đáng» (skipping meetings or dues for three months in a year without a valid reason).
absence-warning-two = (For the secretary only) { $cell }: { $name } has missed meetings without a valid reason in { $months } months of { $year }. Please talk to them.
absence-warning-three = (For the secretary only) { $cell }: { $name } has missed meetings without a valid reason in { $months } months of { $year }. Under Regulation 294-QĐ/TW, point 8.1, the cell considers proposing removal. Please check the minutes of those meetings.

## Wrong input

invalid-datetime-unclear = I do not understand this time. Examples: «5/12 19h30», «19:30 05/12/2026», «thứ 6 tuần sau 14h».
invalid-datetime-impossible = That date or time does not exist (e.g. 31/02 or 25h). Please check; e.g. «5/12 19h30».
invalid-datetime-past = That time has passed. Please give a time ahead; e.g. «5/12 19h30».
invalid-datetime-missing-time = Please give both day and time; e.g. «5/12 19h30».
invalid-datetime-too-far = That is too far ahead (more than 2 years). Please check the year.
invalid-time-unclear = I do not understand this time. Examples: «19h30», «7 giờ tối», «14:00».
invalid-document = { $platform ->
        [zalo] At this step, paste the document's web address (starting with http), or choose «Done, no more documents».
       *[other] At this step, send a file or paste a link (starting with http), or choose «Done, no more documents».
    }
invalid-rule = I do not understand this schedule. Examples: «ngày 5 hằng tháng 19h30», «thứ Năm cuối tháng 14h», «thứ Hai đầu tiên 8h».
invalid-offsets = Not in the expected form. E.g. «3 ngày, 1 ngày, 2 giờ» or «1 ngày, 30 phút» (each from 10 minutes to 30 days).
invalid-quiet-hours = Not in the expected form. E.g. «21:30-06:30».

## Help

help-meetings = Meetings: /lich — upcoming meetings and your «Attend» / «Ask leave» answer; /chuyencan — your attendance.
help-meetings-admin =
    Meetings (secretary, deputy):
    /hop — set the monthly meeting, add thematic meetings and forums; change time or place, cancel; record answers for members
    /diemdanh — record attendance of the last meeting, then download the minutes draft (Word)
    /chuyencan — members' attendance this year, and the year's spreadsheet (Excel)
    /nhaclich — how long before to remind, quiet hours
    /lich — upcoming meetings
schedule-title = Upcoming meetings ({ $count }):
schedule-empty = No upcoming meetings.
command-lich = Upcoming meetings
command-hop = Manage meetings (secretary)
command-diemdanh = Record attendance (secretary)
command-chuyencan = Attendance record
command-nhaclich = Reminder settings (secretary)

## Documents: minutes, attendance sheet

button-minutes = 📄 Download the minutes draft (Word)
button-attendance-sheet = 📊 Download the year's attendance (Excel)
minutes-title = MINUTES
minutes-started = Started
minutes-ended = Ended
minutes-place = Place
minutes-chair = Chaired by
minutes-recorder = Minutes taken by
minutes-attendance = Members on the attendance record
minutes-present = Present
minutes-excused = Excused
minutes-absent = Absent without a valid reason
minutes-agenda = Agenda
minutes-documents = Documents sent beforehand
minutes-sent-at = sent with the announcement at { $when }
minutes-resolution = Conclusions, main points
minutes-blank-report = Course of the meeting
minutes-blank-discussion = Discussion
minutes-blank-votes = Votes
minutes-blank-hint = (to be written by the meeting's secretary)
minutes-sign-chair = Chair
minutes-sign-recorder = Secretary of the meeting
attendance-sheet-title = Attendance { $year } — { $cell }
attendance-sheet-file = attendance
attendance-col-present = Present
attendance-col-excused = Excused
attendance-col-absent = Absent
attendance-col-months = Months absent without reason
attendance-mark-present = x
attendance-mark-excused = E
attendance-mark-absent = A
