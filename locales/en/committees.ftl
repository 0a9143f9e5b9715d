# The committee above: creating it, linking cells, officers, cells in charge.

command-capuy = Committee: overview of its cells
command-taocapuy = Create a committee (base or higher level)
command-capuytren = Link the cell to the committee above

error-not-committee-officer = You hold no post in this committee in the bot.
error-not-committee-lead = Only the committee's secretary (or deputy) can do this.

committee-role-secretary = Secretary
committee-role-deputy = Deputy secretary
committee-role-member = Member

committee-page-previous = ‹ Previous page
committee-page-next = Next page ›
committee-button-back = ‹ Back
committee-button-menu = 🏛 Committee
committee-button-cell-link = 🔗 Committee above
committee-button-open = Open the committee screen
committee-button-create = Create a committee

committee-none =
    You hold no post in any committee in the bot.
    If you are an officer of a base (or higher) committee that is not in the bot yet, you can create it; cell secretaries then link their cells with its code.
    If the committee is already in the bot, ask its secretary to appoint you.
committee-pick = You hold posts in several committees. Which one do you want to see?

committee-create-intro = Creating a committee in the bot. You will be its secretary in the bot and can appoint deputies and members afterwards.
committee-ask-name = What is the committee's name? (e.g. Đảng ủy phường Đông Thanh)
committee-ask-parent-code = If the committee above is already in the bot, enter its code (CU-XXXX-XXXX) to ask to be placed under it. Otherwise choose «Skip».
committee-ask-link-code = Enter the code of the committee above (CU-XXXX-XXXX), given by the committee's office.
committee-code-malformed = A committee code looks like CU-XXXX-XXXX (letters and digits). Please check it and enter it again.
committee-code-unknown = No committee has this code. Please check it with the committee's office.
committee-created =
    { $name } has been created. You are its secretary in the bot.
    Committee code: { $code }
    Send this code to the secretaries of the cells under it; they type /capuytren in the bot and enter it to ask for a link, and you approve each request.
committee-parent-requested = A request to be placed under { $parent } has been sent; you will be told when it decides.

committee-home =
    🏛 { $name }
    You: { $role }
    Cells under it in the bot: { $cells } · Officers: { $officers }
committee-home-parent = Under: { $parent }
committee-home-code = Code for cells to link: { $code }
committee-home-pending = ⏳ { $count } link requests are waiting.
committee-button-cells = Cells under it ({ $count })
committee-button-links = ⏳ Decide link requests ({ $count })
committee-button-officers = Committee officers

committee-cells-title = Cells under { $name } ({ $total }):
committee-cell-line = { $n }. { $cell } — { $members } members in the bot; in charge: { $inCharge }
committee-cells-empty = No cell is linked to { $name } yet. Send the code { $code } to the cell secretaries; they type /capuytren and enter it.

committee-officers-title = Officers of { $name } in the bot:
committee-officer-line = • { $name } — { $role }; in charge of { $cells } cells
committee-button-appoint = ➕ Appoint an officer
committee-officer-card =
    { $name }
    { $role }, { $committee }
    In charge of: { $cells }
committee-button-charges = Cells in their charge
committee-button-make-deputy = Make deputy secretary
committee-button-make-member = Make member
committee-button-end-post = End the post in the bot
committee-end-post-confirm = { $name } will no longer hold a post in the bot and will no longer see the cells. Confirm?
committee-post-ended = { $name } no longer holds a post in { $committee } in the bot.
committee-post-ended-for-person = Your post in { $committee } in the bot has ended.
committee-post-already-ended = This post had already ended; nothing changed.
committee-charges-title = Cells in the charge of { $name } (✓). Choose a cell to give or take back; each cell has one officer in charge.

committee-appoint-no-cells = No cell is linked yet. Officers are chosen among the members of the cells linked in the bot.
committee-appoint-pick-cell = Which cell does the person belong to?
committee-appoint-pick-person = Choose a member of { $cell }:
committee-appoint-pick-role = Appoint { $name } as:
committee-appointed = { $name } is now { $role } of { $committee } in the bot.
committee-appointed-unchanged = { $name } already is { $role } of { $committee }; nothing changed.
committee-appointed-for-person = You have been appointed { $role } of { $committee } in the bot. Type /capuy to see its cells.

committee-link-what-cell = { $cell }
committee-link-what-committee = { $name }
committee-link-request = 🔗 { $by } asks to place { $what } under { $committee } in the bot.
committee-link-typed-name = When the cell was created, the committee above was written as: «{ $typed }».
committee-button-approve = ✅ Approve
committee-button-reject = ❌ Decline
committee-links-none = No link requests are waiting.
committee-link-approved = Approved: { $what } is under { $committee } in the bot.
committee-link-rejected = Declined the link request of { $what }.
committee-link-approved-for-cell = ✅ { $committee } approved: { $what } is under { $committee } in the bot. The committee can follow meetings and report counts (not report texts).
committee-link-rejected-for-cell = { $committee } declined the link request of { $what }. Contact the committee's office if needed.
committee-link-already-decided = The request of { $what } was already handled ({ $status }, by { $by }); nothing changed.
committee-link-status-approved = approved
committee-link-status-rejected = declined
committee-link-status-ended = link ended
committee-link-status-pending = waiting

committee-cell-linked = { $cell } is under { $committee } in the bot. The committee sees meetings, attendance and report counts, not report texts.
committee-cell-unlinked = { $cell } is not linked to a committee above in the bot.
committee-cell-pending = Waiting for a decision: { $committees }.
committee-cell-typed = When creating the cell you wrote the committee above as «{ $typed }».
committee-cell-suggest = A committee with that name is in the bot; check its code with the committee's office before asking.
committee-button-ask = Ask { $name } ({ $code })
committee-button-enter-code = Enter a committee code
committee-button-end-link = End the link
committee-cell-not-linked = The cell is not linked to any committee; nothing changed.
committee-end-link-confirm = { $cell } will no longer be under { $committee } in the bot; the committee will no longer see the cell. Confirm?
committee-link-requested = Asked to place { $cell } under { $committee }. You will be told when it decides.
committee-link-already = The cell is already under { $committee } in the bot.
committee-link-already-pending = The link request to { $committee } is waiting for its decision.
committee-link-ended = { $cell } is no longer linked to { $committee }.
committee-link-ended-for-committee = { $cell } is no longer linked to { $committee } in the bot (ended by the cell's secretary).

committee-help-cell = /capuytren — link the cell to the committee above with its code, or end the link.
committee-help = /capuy — committee officers: the cells under it, officers, cells in charge. /taocapuy — create a committee in the bot.
