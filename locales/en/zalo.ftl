## Zalo: the options under a message (Zalo has no buttons) and the adapter's own notices.

zalo-answer-by-name = Or type: { $labels }.
zalo-answer-one = Reply { $n }.
zalo-answer-few = Reply { $list } or { $last }.
zalo-answer-range = Reply with a number from { $first } to { $last }.
zalo-ambiguous-option = Several options read «{ $label }». Please type the number of the one you mean: { $numbers }.
zalo-attachments-unavailable = { $count } file(s) attached. Zalo does not let the bot send files; please see them on Telegram or ask the cell secretary.

## Linking a second messenger account to the same person; where notifications go.

link-one-messenger = The bot only runs on { $platform } for now, so there is no other account to link.
link-help = Using both Telegram and Zalo: /lienket links the two accounts to one profile, /kenhnhan chooses where notifications go.
link-intro =
    Link your Telegram and Zalo accounts to one profile, to use the bot in both.
    In the app you already use with your cell, choose «Get a link code»; then in the other app, choose «Enter a link code» and type that code.
button-link-get-code = Get a link code
button-link-enter-code = Enter a link code
link-code =
    Your link code: { $code }
    It works once, for { $minutes } minutes. Open the bot on { $other } and type:
    lienket { $code }
    Do not give this code to anyone: whoever has it can use your profile.
link-ask-code = Please type the link code (16 characters) from the other app.
link-expected-code = I can only read a link code typed as text.
link-malformed = A link code has 16 letters and digits, e.g. ABCD-EFGH-JKMN-PQRS. Please check it.
link-unknown = There is no such link code. Please check it, or get a new one with /lienket in the other app.
link-used = This link code has already been used. Each code works once; please get a new one with /lienket in the other app.
link-expired = This link code has expired (codes work for { $minutes } minutes). Please get a new one with /lienket in the other app.
link-same-person = This code was made from this very account. Please open the bot in the other app and type it there.
link-both-have-cells = The accounts could not be linked: both already have a profile in a cell, and I do not merge two profiles on my own. Please ask your cell secretary for help.
link-done = Linked. From now on you use the bot on { $platform } with the same profile and cells as in the other app.
link-done-elsewhere = A { $platform } account was just linked to your profile. If this was not you, tell your cell secretary at once.
link-pref-ask = Notifications (meeting reminders, decisions, reports…) go to { $platform }. Where would you like them?
link-pref-single = Notifications go to { $platform }. To get them on { $other }, first link your { $other } account with /lienket.
link-pref-set = From now on notifications go to { $platform }.
link-pref-unavailable = You have no { $platform } account linked to this profile. Type /lienket to link one.

command-lienket = Link your Telegram and Zalo accounts
command-kenhnhan = Choose where notifications go
link-wrong-direction = The link code must come from the account you already use in your cell and be typed on the new one. This account already belongs to a cell: type /lienket here to get a code, then type it on the other app.
