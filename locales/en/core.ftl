## Welcome and menu

welcome =
    Hello, comrade! I am your Party cell's assistant in chat.
    I help the cell: meeting reminders, attending or asking leave, and self-review reports answered one question at a time, with a draft that is never lost.

    What would you like to do?
    • Cell secretary: choose «Create my cell».
    • Party member: choose «Join with an invite code» and type the code your secretary sent{ $platform ->
        [zalo] .
       *[other] , or open the invite link.
    }
button-create-cell = Create my cell
button-join-with-code = Join with an invite code
button-members = Member list
button-pending = Pending requests ({ $count })
button-invite = Invite code
button-profile = My profile
button-language = Ngôn ngữ / Language
button-switch-cell = Switch cell
button-help = Help
button-open-menu = Open the menu
button-no = No
button-cancel = Cancel
button-skip = Skip
menu-title = { $cell } — you are { $role }. What do you need?
ask-which-cell = You belong to several cells. Which cell is this for?

## Roles and profile

role-secretary = secretary
role-deputy = deputy secretary
role-committee = committee member
role-member = party member
party-status-official = Full member
party-status-probationary = Probationary member
category-can_bo = Official, civil servant, public employee
category-huu_tri = Retired
category-cong_nhan = Worker
category-lao_dong_tu_do = Self-employed
category-hoc_sinh = Student
category-khac = Other
language-vi = Tiếng Việt
language-en = English
platform-telegram = Telegram
platform-zalo = Zalo
profile-missing = (not given)
profile-no-phone = (not given)
profile-view =
    Your profile:
    • Full name: { $fullName }
    • Status: { $partyStatus }
    • Group: { $category }
    • Phone: { $phone }
    • Language: { $language }
button-edit-full-name = Edit full name
button-edit-party-status = Edit member status
button-edit-category = Edit group
button-edit-phone = Edit phone number
profile-saved = Profile saved.
ask-language = Đồng chí chọn ngôn ngữ / Choose your language:
language-changed = Switched to English.

## Step by step

step-position = Step { $n }/{ $total }
checklist-use-options = Choose a line to change its state; when done, choose the last line to save.
ask-cell-name = What is the cell's name? (e.g. Chi bộ Khu phố 3)
ask-parent-committee = Which Party committee is the cell under? (e.g. Đảng bộ phường Đông Thanh). To leave it out for now, choose «Skip».
ask-full-name = Please give your full name (e.g. Nguyễn Văn An).
ask-party-status = Are you a full or a probationary member?
ask-category = Which group do you belong to?
ask-phone = A phone number the cell can call when needed (optional; only the secretary and deputy can see it). To leave it out, choose «Skip».
ask-invite-code = Please type the invite code your cell secretary sent (16 characters, e.g. ABCD-EFGH-JKMN-PQRS). Type /huy to stop.
create-cell-intro = Creating a new cell. I will ask a few short questions; type /huy at any time to stop.
cell-created = { $cell } has been created. You are its secretary.
join-intro = You are asking to join { $cell }. After a few questions your request goes to the secretary for approval.
join-confirm =
    Please check before sending your request to join { $cell }:
    • Full name: { $fullName }
    • Status: { $partyStatus }
    • Group: { $category }
    • Phone: { $phone }
button-send-request = Send request
button-edit-answers = Edit answers
join-requested = Your request to join { $cell } has been sent. I will tell you as soon as the secretary decides.
join-already-member = You are already a member of { $cell }.
join-already-pending = Your request to join { $cell } is waiting for the secretary's approval.
pending-wait = Your request is waiting for approval ({ $cells }). I will tell you as soon as it is decided.
dialogue-cancelled = Stopped. Everything saved before stays as it was.
dialogue-interrupted = Stopped what was in progress to run the new command.
nothing-to-cancel = Nothing is in progress.
cancelled = Cancelled; nothing changed.

## Invites

invite-none = { $cell } has no invite code in force.
invite-view = Invite code for { $cell }: { $code }
invite-link = Invite link: { $link }
invite-expires = Valid until the end of { $date }.
invite-no-expiry = The code does not expire; you can revoke it at any time.
invite-how-to-share = { $platform ->
    [zalo] Send this code to the members of your cell: on Zalo they type «tham gia» and the code. Every request to join needs your approval.
   *[other] Send this code (and the link, where there is one) to the members of your cell. Every request to join needs your approval.
}
button-invite-new = New code (the old one stops working)
button-invite-revoke = Revoke the code
invite-code-malformed = That is not an invite code. A code has 16 letters and digits, e.g. ABCD-EFGH-JKMN-PQRS.
invite-not-found = No such invite code. Please check it or ask your cell secretary.
invite-expired = This invite code has expired. Please ask your cell secretary for a new one.
invite-revoked = This invite code was revoked. Please ask your cell secretary for a new one.

## Admitting and managing members

join-request-for-admin =
    Request to join { $cell }:
    • Full name: { $fullName }
    • Status: { $partyStatus }
    • Group: { $category }
    • Phone: { $phone }
button-approve = Approve
button-reject = Reject
no-pending = { $cell } has no pending requests.
request-approved = { $name } has been admitted to { $cell }.
request-rejected = The request from { $name } was rejected.
request-already-decided = The request from { $name } was already handled ({ $status }, by { $by }). Nothing changed.
membership-status-active = approved
membership-status-rejected = rejected
membership-status-left = left the cell
membership-status-removed = removed from the cell
membership-status-pending = pending
join-approved-for-member = The secretary approved your request. You are now a member of { $cell } in the bot.
join-rejected-for-member = Your request to join { $cell } was not accepted. If this is a mistake, please contact the cell secretary directly.
members-title = { $cell } — { $count } members:
member-contact = Contact: { $contact }
member-exempt-mark = exempt from meetings
button-manage-member = { $n }. { $name }
member-card-title = Member of { $cell }:
button-make-deputy = Appoint deputy secretary
button-make-committee = Appoint committee member
button-make-member = End the post (back to member)
button-transfer-secretary = Hand over the secretary role
button-exempt = Mark exempt from meetings
button-unexempt = End the exemption
button-remove-member = Remove from the cell
role-changed = Recorded: { $name } is { $role }.
role-unchanged = { $name } already is { $role }; nothing changed.
role-changed-for-member = { $cell }: you are now recorded as { $role }.
transfer-confirm = Hand the secretary role of { $cell } to { $name }? You will then be a member and no longer manage the cell in the bot.
transfer-done = The secretary role of { $cell } now belongs to { $name }.
transfer-done-for-member = You are now the secretary of { $cell } in the bot. Type /menu to see what you can manage.
exempt-set = { $name } is now exempt from meetings and will not get meeting reminders.
exempt-cleared = { $name } is no longer exempt from meetings.
exempt-set-for-member = { $cell }: you are now exempt from Party meetings.
exempt-cleared-for-member = { $cell }: you are no longer exempt from Party meetings.
remove-confirm = Remove { $name } from { $cell } in the bot? They lose access at once.
remove-done = { $name } has been removed from the cell.
removed-for-member = You are no longer on the list of { $cell } in the bot. If this is a mistake, please contact the cell secretary.
member-gone = This member is no longer in the cell; nothing changed.
leave-confirm = Are you sure you want to leave { $cell } in the bot?
button-leave = Leave the cell
leave-done = You have left { $cell } in the bot.
member-left-for-admin = { $name } has left { $cell } in the bot.

## Help

help-newcomer =
    Commands:
    /start — start
    /taochibo — create a cell (for secretaries)
    /thamgia — join a cell with an invite code
    /hoso — your profile
    /ngonngu — change language
    /huy — stop what is in progress
help-pending =
    Your request to join is waiting for the secretary; I will tell you as soon as it is decided.
    /hoso — view or edit your profile
    /ngonngu — change language
help-member =
    { $cell }. Commands:
    /menu — main menu
    /thanhvien — member list
    /hoso — your profile
    /ngonngu — change language
    /chibo — switch cell (if you belong to several)
    /roichibo — leave the cell in the bot
    /huy — stop what is in progress
help-admin =
    For the secretary and deputy:
    /moi — { $platform ->
        [zalo] invite code
       *[other] invite code and link
    }
    /choduyet — requests waiting for approval
    /thanhvien — members and how to reach them
help-secretary = Secretary: in /thanhvien, choose a member's name to appoint a deputy or committee member, hand over the secretary role, mark an exemption from meetings, or remove them from the cell.

## Wrong input and errors

invalid-empty = You did not type anything.
invalid-too-short = Too short (at least { $min } characters).
invalid-too-long = Too long ({ $length } characters; at most { $max }).
invalid-no-letters = Please use letters.
invalid-looks-like-command = That is a command, not an answer.
invalid-name-digits = A full name should not contain digits.
invalid-name-link = A name may not contain a web address.
invalid-phone = That phone number does not look right (e.g. 0912 345 678 or +84 912 345 678).
invalid-choice = That choice is not valid.
invalid-pick-option = { $platform ->
    [zalo] Please choose one of the options below by typing its number.
   *[other] Please choose one of the options below (press a button, or type the option's number).
}
invalid-expected-text = This question needs a typed answer.
invalid-message-too-long = The message is too long (at most { $max } characters). Please send something shorter.
invalid-unsupported = I can only read text messages and choices; pictures, stickers and voice messages do not work here.
unsupported-outside-dialogue = I can only read text messages and choices. Type /menu to see what you can do.
unknown-text = I did not understand. Type /menu to see what you can do, or /help for help.
unknown-command = There is no command «{ $command }». Type /help to see the commands.
stale-button = { $platform ->
    [zalo] This option is out of date or the matter is already settled; nothing changed.
   *[other] This button is out of date or the matter is already settled; nothing changed.
}
error-not-allowed = Only the cell secretary (or deputy) can do this.
error-not-member = You are not a member of this cell in the bot.
error-not-found = This could not be found; it may have changed.
error-secretary-must-transfer = Please hand the secretary role to another member (in /thanhvien) before leaving the cell.
error-cannot-target-self = You cannot do this to yourself.
error-no-cell = You do not belong to any cell in the bot yet. Type /thamgia to join with an invite code, or /taochibo if you are a secretary.
error-request-pending = Your request to join { $cells } is waiting for the secretary's approval. I will tell you as soon as it is approved; from then on you can use this command.
error-internal = Sorry, something went wrong. Everything saved is safe; please try again in a few minutes.
private-chat-only = Please message the bot privately; it does not handle cell matters in group chats.

## Telegram command menu

command-start = Start, main menu
command-help = How to use the bot
command-menu = Main menu
command-taochibo = Create a cell (secretary)
command-thamgia = Join a cell with an invite code
command-thanhvien = Member list
command-choduyet = Pending requests
command-moi = Invite code
command-hoso = My profile
command-ngonngu = Change language
command-chibo = Switch cell
command-roichibo = Leave the cell
command-huy = Stop what is in progress
member-unreachable-for-secretary = { $cell }: messages to { $name } cannot be delivered (they may have blocked the bot or deleted the chat). Please tell them in person; once they write to the bot again, reminders will reach them.
error-meeting-started = The meeting has started or is over; the answer can no longer be changed.
too-fast = You are sending faster than I can read, so I skipped some of your latest messages. Please wait a moment and send again; everything saved before is kept.

## Documents (Word, Excel)

document-ready = 📄 { $name }
document-link =
    📄 { $name }
    Zalo cannot send files: download it from the link below. The link was made for you: please do not pass it on; it expires at { $expiry }.
    { $url }
document-expiry = { $time } on { $date }
document-no-link = Zalo cannot send files, and the bot has no download address configured (PUBLIC_URL), so no link can be made. Open the bot on Telegram to receive the file, or ask your cell secretary for it; the bot's administrator can turn download links on.
document-not-allowed = This document is not yours to receive, or it no longer exists.
document-place-date = ……, { $day }/{ $month }/{ $year }
doc-col-number = No.
doc-col-name = Full name
