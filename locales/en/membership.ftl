## Rejecting a join request: the question, the reason, earlier refusals

reject-ask =
    Reject the request from { $name } to join { $cell }?
    They will be told the reason. Please choose a reason, or type a short one (at most { $max } characters).
reject-reason-wrong_cell = not this cell
reject-reason-unverified = could not be verified
reject-reason-profile = the details given are not correct
reject-reason-none = no reason given
button-reject-because = Reject: { $reason }
button-reject-no-reason = Reject without a reason
request-rejected-reason = They are told the reason: { $reason }.
join-rejected-reason = The secretary's reason: { $reason }.
request-refused-before = ⚠️ The cell has rejected this person before:
request-refused-line = • { $date }, { $by }: { $reason }

## A cell's command while the request still waits


## Contacts in the member list (secretary and deputy only)

contact-telegram-chat = Telegram: tg://user?id={ $id }
contact-no-phone = no phone number
contact-uses = uses { $platforms }
button-approve-named = Approve: { $name }
button-reject-named = Reject: { $name }
requests-others-waiting = { $count } other request(s) are waiting too; you can decide them here as well.
