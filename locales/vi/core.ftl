## Chào mừng và menu

welcome =
    Xin chào đồng chí! Tôi là trợ lý của chi bộ trên tin nhắn.
    Tôi giúp chi bộ: nhắc lịch sinh hoạt, ghi nhận tham dự hay xin vắng, và nhận báo cáo tự rà soát từng câu một, không sợ mất bản nháp.

    Đồng chí muốn làm gì?
    • Bí thư chi bộ: chọn «Tạo chi bộ của tôi».
    • Đảng viên: chọn «Tham gia bằng mã mời» rồi nhập mã do bí thư gửi{ $platform ->
        [zalo] .
       *[other] , hoặc mở đường link mời.
    }
button-create-cell = Tạo chi bộ của tôi
button-join-with-code = Tham gia bằng mã mời
button-members = Danh sách đảng viên
button-pending = Yêu cầu chờ duyệt ({ $count })
button-invite = Mã mời
button-profile = Hồ sơ của tôi
button-language = Ngôn ngữ / Language
button-switch-cell = Đổi chi bộ
button-help = Hướng dẫn
button-open-menu = Mở menu
button-no = Không
button-cancel = Hủy
button-skip = Bỏ qua
menu-title = { $cell } — đồng chí là { $role }. Đồng chí cần gì?
ask-which-cell = Đồng chí đang sinh hoạt ở nhiều chi bộ. Việc này cho chi bộ nào?

## Vai trò và hồ sơ

role-secretary = bí thư
role-deputy = phó bí thư
role-committee = chi ủy viên
role-member = đảng viên
party-status-official = Đảng viên chính thức
party-status-probationary = Đảng viên dự bị
category-can_bo = Cán bộ, công chức, viên chức
category-huu_tri = Hưu trí
category-cong_nhan = Công nhân
category-lao_dong_tu_do = Lao động tự do
category-hoc_sinh = Học sinh, sinh viên
category-khac = Khác
language-vi = Tiếng Việt
language-en = English
platform-telegram = Telegram
platform-zalo = Zalo
profile-missing = (chưa có)
profile-no-phone = (không cung cấp)
profile-view =
    Hồ sơ của đồng chí:
    • Họ và tên: { $fullName }
    • Tình trạng: { $partyStatus }
    • Đối tượng: { $category }
    • Số điện thoại: { $phone }
    • Ngôn ngữ: { $language }
button-edit-full-name = Sửa họ và tên
button-edit-party-status = Sửa tình trạng đảng viên
button-edit-category = Sửa đối tượng
button-edit-phone = Sửa số điện thoại
profile-saved = Đã lưu hồ sơ.
ask-language = Đồng chí chọn ngôn ngữ / Choose your language:
language-changed = Đã chuyển sang tiếng Việt.

## Hỏi từng bước

step-position = Bước { $n }/{ $total }
checklist-use-options = Đồng chí chọn từng dòng để đổi trạng thái; xong thì chọn dòng cuối cùng để lưu.
ask-cell-name = Tên chi bộ là gì? (ví dụ: Chi bộ Khu phố 3)
ask-parent-committee = Chi bộ trực thuộc đảng bộ nào? (ví dụ: Đảng bộ phường Đông Thanh). Nếu chưa muốn ghi, chọn «Bỏ qua».
ask-full-name = Xin đồng chí cho biết họ và tên đầy đủ (ví dụ: Nguyễn Văn An).
ask-party-status = Đồng chí là đảng viên chính thức hay dự bị?
ask-category = Đồng chí thuộc đối tượng nào?
ask-phone = Số điện thoại để chi bộ liên lạc khi cần (không bắt buộc; chỉ bí thư và phó bí thư xem được). Nếu không muốn cung cấp, chọn «Bỏ qua».
ask-invite-code = Xin đồng chí nhập mã mời do bí thư chi bộ gửi (16 ký tự, ví dụ: ABCD-EFGH-JKMN-PQRS). Gõ /huy để dừng.
create-cell-intro = Tạo chi bộ mới. Tôi sẽ hỏi vài câu ngắn; đồng chí có thể gõ /huy bất cứ lúc nào để dừng.
cell-created = Đã tạo { $cell }. Đồng chí là bí thư chi bộ.
join-intro = Đồng chí đang xin tham gia { $cell }. Sau khi đồng chí trả lời vài câu, yêu cầu sẽ được gửi để bí thư duyệt.
join-confirm =
    Xin đồng chí kiểm tra lại trước khi gửi yêu cầu tham gia { $cell }:
    • Họ và tên: { $fullName }
    • Tình trạng: { $partyStatus }
    • Đối tượng: { $category }
    • Số điện thoại: { $phone }
button-send-request = Gửi yêu cầu
button-edit-answers = Sửa lại
join-requested = Đã gửi yêu cầu tham gia { $cell }. Khi bí thư duyệt, tôi sẽ báo ngay cho đồng chí.
join-already-member = Đồng chí đã là thành viên { $cell } rồi.
join-already-pending = Yêu cầu tham gia { $cell } của đồng chí đang chờ bí thư duyệt.
pending-wait = Yêu cầu của đồng chí đang chờ duyệt ({ $cells }). Khi có kết quả, tôi sẽ báo ngay.
dialogue-cancelled = Đã dừng. Các thông tin đã lưu trước đó vẫn giữ nguyên.
dialogue-interrupted = Đã dừng việc đang làm dở để thực hiện lệnh mới.
nothing-to-cancel = Hiện không có việc gì đang làm dở.
cancelled = Đã hủy, không có gì thay đổi.

## Mã mời

invite-none = { $cell } hiện không có mã mời nào còn hiệu lực.
invite-view = Mã mời vào { $cell }: { $code }
invite-link = Đường link mời: { $link }
invite-expires = Hiệu lực đến hết ngày { $date }.
invite-no-expiry = Mã không có hạn dùng; đồng chí có thể thu hồi bất cứ lúc nào.
invite-how-to-share = { $platform ->
    [zalo] Gửi mã này cho đảng viên trong chi bộ: trên Zalo, đồng chí ấy gõ «tham gia» và mã. Mỗi yêu cầu tham gia đều cần đồng chí duyệt.
   *[other] Gửi mã này (và đường link, nếu có) cho đảng viên trong chi bộ. Mỗi yêu cầu tham gia đều cần đồng chí duyệt.
}
button-invite-new = Tạo mã mới (mã cũ hết hiệu lực)
button-invite-revoke = Thu hồi mã
invite-code-malformed = Mã mời không đúng dạng. Mã gồm 16 chữ và số, ví dụ: ABCD-EFGH-JKMN-PQRS.
invite-not-found = Không tìm thấy mã mời này. Xin đồng chí kiểm tra lại mã hoặc hỏi bí thư chi bộ.
invite-expired = Mã mời này đã hết hạn. Xin đồng chí đề nghị bí thư chi bộ gửi mã mới.
invite-revoked = Mã mời này đã bị thu hồi. Xin đồng chí đề nghị bí thư chi bộ gửi mã mới.

## Duyệt và quản lý đảng viên

join-request-for-admin =
    Yêu cầu tham gia { $cell }:
    • Họ và tên: { $fullName }
    • Tình trạng: { $partyStatus }
    • Đối tượng: { $category }
    • Số điện thoại: { $phone }
button-approve = Duyệt
button-reject = Từ chối
no-pending = { $cell } không có yêu cầu nào đang chờ duyệt.
request-approved = Đã duyệt đồng chí { $name } vào { $cell }.
request-rejected = Đã từ chối yêu cầu của { $name }.
request-already-decided = Yêu cầu của { $name } đã được xử lý trước đó ({ $status }, người xử lý: { $by }). Không có gì thay đổi.
membership-status-active = đã duyệt
membership-status-rejected = đã từ chối
membership-status-left = đã rời chi bộ
membership-status-removed = đã bị xóa khỏi chi bộ
membership-status-pending = đang chờ
join-approved-for-member = Bí thư đã duyệt. Đồng chí đã là thành viên { $cell } trên bot.
join-rejected-for-member = Yêu cầu tham gia { $cell } của đồng chí chưa được chấp nhận. Nếu có nhầm lẫn, xin đồng chí liên hệ trực tiếp bí thư chi bộ.
members-title = { $cell } — { $count } đảng viên:
member-contact = Liên lạc: { $contact }
member-exempt-mark = miễn sinh hoạt
button-manage-member = { $n }. { $name }
member-card-title = Đảng viên { $cell }:
button-make-deputy = Phân công phó bí thư
button-make-committee = Phân công chi ủy viên
button-make-member = Thôi chức vụ (về đảng viên)
button-transfer-secretary = Chuyển giao chức bí thư
button-exempt = Ghi miễn sinh hoạt
button-unexempt = Bỏ miễn sinh hoạt
button-remove-member = Xóa khỏi chi bộ
role-changed = Đã ghi nhận: đồng chí { $name } là { $role }.
role-unchanged = Đồng chí { $name } vốn đã là { $role }; không có gì thay đổi.
role-changed-for-member = { $cell }: đồng chí được ghi nhận là { $role }.
transfer-confirm = Chuyển chức bí thư { $cell } cho đồng chí { $name }? Sau đó đồng chí sẽ là đảng viên và không còn quyền quản lý chi bộ trên bot.
transfer-done = Đã chuyển chức bí thư { $cell } cho đồng chí { $name }.
transfer-done-for-member = Đồng chí nay là bí thư { $cell } trên bot. Gõ /menu để xem các việc quản lý.
exempt-set = Đã ghi đồng chí { $name } miễn sinh hoạt; đồng chí ấy sẽ không nhận nhắc lịch sinh hoạt.
exempt-cleared = Đã bỏ miễn sinh hoạt cho đồng chí { $name }.
exempt-set-for-member = { $cell }: đồng chí đã được ghi miễn sinh hoạt đảng.
exempt-cleared-for-member = { $cell }: đồng chí không còn được miễn sinh hoạt đảng.
remove-confirm = Xóa đồng chí { $name } khỏi { $cell } trên bot? Đồng chí ấy sẽ mất quyền truy cập ngay.
remove-done = Đã xóa đồng chí { $name } khỏi chi bộ.
removed-for-member = Đồng chí không còn trong danh sách { $cell } trên bot. Nếu có nhầm lẫn, xin liên hệ bí thư chi bộ.
member-gone = Đảng viên này không còn trong chi bộ; không có gì thay đổi.
leave-confirm = Đồng chí chắc chắn muốn rời { $cell } trên bot?
button-leave = Rời chi bộ
leave-done = Đồng chí đã rời { $cell } trên bot.
member-left-for-admin = Đồng chí { $name } đã tự rời { $cell } trên bot.

## Hướng dẫn

help-newcomer =
    Các lệnh:
    /start — bắt đầu
    /taochibo — tạo chi bộ (dành cho bí thư)
    /thamgia — tham gia chi bộ bằng mã mời
    /hoso — hồ sơ của đồng chí
    /ngonngu — đổi ngôn ngữ
    /huy — dừng việc đang làm dở
help-pending =
    Yêu cầu tham gia của đồng chí đang chờ bí thư duyệt; khi có kết quả tôi sẽ báo ngay.
    /hoso — xem, sửa hồ sơ
    /ngonngu — đổi ngôn ngữ
help-member =
    { $cell }. Các lệnh:
    /menu — menu chính
    /thanhvien — danh sách đảng viên
    /hoso — hồ sơ của đồng chí
    /ngonngu — đổi ngôn ngữ
    /chibo — đổi chi bộ (nếu đồng chí sinh hoạt ở nhiều chi bộ)
    /roichibo — rời chi bộ trên bot
    /huy — dừng việc đang làm dở
help-admin =
    Việc của bí thư, phó bí thư:
    /moi — { $platform ->
        [zalo] mã mời
       *[other] mã mời và đường link mời
    }
    /choduyet — yêu cầu tham gia đang chờ duyệt
    /thanhvien — danh sách, liên lạc của đảng viên
help-secretary = Bí thư: trong /thanhvien, chọn tên một đảng viên để phân công phó bí thư, chi ủy viên, chuyển giao chức bí thư, ghi miễn sinh hoạt hoặc xóa khỏi chi bộ.

## Nhập sai và lỗi

invalid-empty = Đồng chí chưa nhập gì.
invalid-too-short = Nội dung quá ngắn (cần ít nhất { $min } ký tự).
invalid-too-long = Nội dung quá dài ({ $length } ký tự; tối đa { $max }).
invalid-no-letters = Nội dung cần có chữ cái.
invalid-looks-like-command = Đây là một lệnh, không phải câu trả lời.
invalid-name-digits = Họ và tên không nên có chữ số.
invalid-name-link = Tên không được chứa địa chỉ trang web.
invalid-phone = Số điện thoại chưa đúng (ví dụ: 0912 345 678 hoặc +84 912 345 678).
invalid-choice = Lựa chọn này không hợp lệ.
invalid-pick-option = { $platform ->
    [zalo] Xin đồng chí chọn một trong các lựa chọn bên dưới: gõ số thứ tự của lựa chọn.
   *[other] Xin đồng chí chọn một trong các lựa chọn bên dưới (bấm nút, hoặc gõ số thứ tự của lựa chọn).
}
invalid-expected-text = Câu này cần đồng chí gõ câu trả lời bằng chữ.
invalid-message-too-long = Tin nhắn quá dài (tối đa { $max } ký tự). Xin đồng chí gửi ngắn hơn.
invalid-unsupported = Tôi chỉ đọc được tin nhắn chữ và các lựa chọn; hình ảnh, nhãn dán hay tin thoại chưa dùng được ở đây.
unsupported-outside-dialogue = Tôi chỉ đọc được tin nhắn chữ và các lựa chọn. Gõ /menu để xem các việc đồng chí có thể làm.
unknown-text = Tôi chưa hiểu ý đồng chí. Gõ /menu để xem các việc có thể làm, hoặc /help để xem hướng dẫn.
unknown-command = Không có lệnh «{ $command }». Gõ /help để xem các lệnh.
stale-button = { $platform ->
    [zalo] Lựa chọn này đã cũ hoặc việc này đã xử lý xong; không có gì thay đổi.
   *[other] Nút này đã cũ hoặc việc này đã xử lý xong; không có gì thay đổi.
}
error-not-allowed = Việc này chỉ bí thư (hoặc phó bí thư) chi bộ được làm.
error-not-member = Đồng chí không phải thành viên của chi bộ này trên bot.
error-not-found = Không tìm thấy thông tin này; có thể nó đã thay đổi.
error-secretary-must-transfer = Bí thư cần chuyển giao chức bí thư cho một đảng viên khác (trong /thanhvien) trước khi rời chi bộ.
error-cannot-target-self = Đồng chí không thể tự làm việc này cho chính mình.
error-no-cell = Đồng chí chưa thuộc chi bộ nào trên bot. Gõ /thamgia để tham gia bằng mã mời, hoặc /taochibo nếu đồng chí là bí thư.
error-request-pending = Yêu cầu tham gia { $cells } của đồng chí đang chờ bí thư duyệt. Khi được duyệt, tôi sẽ báo ngay; từ lúc đó đồng chí dùng được lệnh này.
error-internal = Xin lỗi đồng chí, đã có lỗi khi xử lý. Các thông tin đã lưu vẫn an toàn; xin đồng chí thử lại sau ít phút.

## Lệnh trong menu Telegram

command-start = Bắt đầu, menu chính
command-help = Hướng dẫn sử dụng
command-menu = Menu chính
command-taochibo = Tạo chi bộ (bí thư)
command-thamgia = Tham gia chi bộ bằng mã mời
command-thanhvien = Danh sách đảng viên
command-choduyet = Yêu cầu chờ duyệt
command-moi = Mã mời vào chi bộ
command-hoso = Hồ sơ của tôi
command-ngonngu = Đổi ngôn ngữ
command-chibo = Đổi chi bộ
command-roichibo = Rời chi bộ
command-huy = Dừng việc đang làm dở
private-chat-only = Xin mời đồng chí nhắn riêng cho bot; trong nhóm chung, bot không xử lý việc của chi bộ.
member-unreachable-for-secretary = { $cell }: không gửi được tin cho đồng chí { $name } (có thể đồng chí ấy đã chặn bot hoặc xóa cuộc trò chuyện). Xin bí thư báo trực tiếp cho đồng chí ấy; khi đồng chí ấy nhắn lại cho bot, tin nhắc sẽ gửi được bình thường.
error-meeting-started = Cuộc họp đã bắt đầu hoặc đã qua; không thể thay đổi câu trả lời nữa.
too-fast = Đồng chí gửi nhanh quá, tôi chưa kịp đọc hết nên đã bỏ qua một số tin vừa gửi. Xin đồng chí chờ một chút rồi gửi lại; những gì đã lưu trước đó vẫn còn nguyên.

## Tài liệu (Word, Excel)

document-ready = 📄 { $name }
document-link =
    📄 { $name }
    Zalo không gửi được tệp, đồng chí tải về tại đường dẫn dưới đây. Đường dẫn làm riêng cho đồng chí, xin đừng chuyển cho người khác; hết hạn lúc { $expiry }.
    { $url }
document-expiry = { $time } ngày { $date }
document-no-link = Zalo không gửi được tệp, và bot chưa được cấu hình địa chỉ tải về (PUBLIC_URL), nên chưa tạo được đường dẫn. Đồng chí có thể mở bot trên Telegram để nhận tệp, hoặc nhờ bí thư chi bộ tải giúp; người quản trị bot có thể bật địa chỉ tải về.
document-not-allowed = Đồng chí không có quyền nhận tài liệu này, hoặc tài liệu không còn nữa.
document-place-date = ……, ngày { $day } tháng { $month } năm { $year }
doc-col-number = STT
doc-col-name = Họ và tên
