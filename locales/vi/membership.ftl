## Từ chối yêu cầu tham gia: hỏi lại, lý do, các lần từ chối trước

reject-ask =
    Từ chối yêu cầu của đồng chí { $name } vào { $cell }?
    Đồng chí ấy sẽ được báo lý do. Xin chọn một lý do, hoặc gõ lý do ngắn (không quá { $max } ký tự).
reject-reason-wrong_cell = không đúng chi bộ
reject-reason-unverified = chưa xác minh được
reject-reason-profile = thông tin khai chưa đúng
reject-reason-none = không nêu lý do
button-reject-because = Từ chối: { $reason }
button-reject-no-reason = Từ chối, không nêu lý do
request-rejected-reason = Đồng chí ấy được báo lý do: { $reason }.
join-rejected-reason = Lý do bí thư nêu: { $reason }.
request-refused-before = ⚠️ Chi bộ đã từ chối đồng chí này trước đây:
request-refused-line = • { $date }, { $by }: { $reason }

## Đang chờ duyệt mà dùng lệnh của chi bộ


## Liên lạc trong danh sách đảng viên (chỉ bí thư, phó bí thư xem)

contact-telegram-chat = Telegram: tg://user?id={ $id }
contact-no-phone = chưa có số điện thoại
contact-uses = dùng { $platforms }
button-approve-named = Duyệt: { $name }
button-reject-named = Từ chối: { $name }
requests-others-waiting = Còn { $count } yêu cầu khác đang chờ; đồng chí cũng quyết định được ở đây.
