# Cấp ủy cấp trên: tạo cấp ủy, liên kết chi bộ, cán bộ cấp ủy, phân công phụ trách.

command-capuy = Cấp ủy: tổng hợp các chi bộ trực thuộc
command-taocapuy = Tạo cấp ủy (đảng ủy cơ sở, cấp trên)
command-capuytren = Liên kết chi bộ với cấp ủy cấp trên

error-not-committee-officer = Đồng chí không giữ chức vụ trong cấp ủy này trên bot.
error-not-committee-lead = Việc này chỉ bí thư (hoặc phó bí thư) cấp ủy được làm.

committee-role-secretary = Bí thư
committee-role-deputy = Phó bí thư
committee-role-member = Ủy viên

committee-page-previous = ‹ Trang trước
committee-page-next = Trang sau ›
committee-button-back = ‹ Quay lại
committee-button-menu = 🏛 Cấp ủy
committee-button-cell-link = 🔗 Cấp ủy cấp trên
committee-button-open = Mở màn hình cấp ủy
committee-button-create = Tạo cấp ủy

committee-none =
    Đồng chí chưa giữ chức vụ trong cấp ủy nào trên bot.
    Nếu đồng chí là cán bộ của đảng ủy cơ sở (hoặc cấp ủy cấp trên) và đơn vị chưa có trên bot, đồng chí có thể tạo cấp ủy; sau đó các bí thư chi bộ liên kết chi bộ bằng mã của cấp ủy.
    Nếu cấp ủy đã có trên bot, đồng chí đề nghị bí thư cấp ủy phân công đồng chí.
committee-pick = Đồng chí giữ chức vụ trong nhiều cấp ủy. Đồng chí muốn xem cấp ủy nào?

committee-create-intro = Tạo cấp ủy trên bot. Đồng chí sẽ là bí thư cấp ủy trên bot, và có thể phân công phó bí thư, ủy viên sau.
committee-ask-name = Tên cấp ủy là gì? (ví dụ: Đảng ủy phường Đông Thanh)
committee-ask-parent-code = Nếu cấp ủy cấp trên đã có trên bot, đồng chí nhập mã của cấp ủy đó (dạng CU-XXXX-XXXX) để gửi yêu cầu trực thuộc. Nếu không, chọn «Bỏ qua».
committee-ask-link-code = Đồng chí nhập mã cấp ủy cấp trên (dạng CU-XXXX-XXXX), do văn phòng cấp ủy cung cấp.
committee-code-malformed = Mã cấp ủy có dạng CU-XXXX-XXXX (chữ và số). Đồng chí kiểm tra và nhập lại.
committee-code-unknown = Không có cấp ủy nào với mã này. Đồng chí kiểm tra lại mã với văn phòng cấp ủy.
committee-created =
    Đã tạo { $name }. Đồng chí là bí thư cấp ủy trên bot.
    Mã cấp ủy: { $code }
    Đồng chí gửi mã này cho bí thư các chi bộ trực thuộc; họ gõ /capuytren trong bot và nhập mã để gửi yêu cầu liên kết, đồng chí duyệt từng yêu cầu.
committee-parent-requested = Đã gửi yêu cầu trực thuộc { $parent }; khi cấp ủy đó duyệt, tôi sẽ báo đồng chí.

committee-home =
    🏛 { $name }
    Đồng chí: { $role }
    Chi bộ trực thuộc trên bot: { $cells } · Cán bộ cấp ủy: { $officers }
committee-home-parent = Trực thuộc: { $parent }
committee-home-code = Mã để chi bộ liên kết: { $code }
committee-home-pending = ⏳ { $count } yêu cầu liên kết đang chờ duyệt.
committee-button-cells = Chi bộ trực thuộc ({ $count })
committee-button-links = ⏳ Duyệt yêu cầu liên kết ({ $count })
committee-button-officers = Cán bộ cấp ủy

committee-cells-title = Chi bộ trực thuộc { $name } ({ $total }):
committee-cell-line = { $n }. { $cell } — { $members } đảng viên trên bot; phụ trách: { $inCharge }
committee-cells-empty = { $name } chưa có chi bộ nào liên kết. Đồng chí gửi mã { $code } cho bí thư các chi bộ; họ gõ /capuytren và nhập mã.

committee-officers-title = Cán bộ { $name } trên bot:
committee-officer-line = • { $name } — { $role }; phụ trách { $cells } chi bộ
committee-button-appoint = ➕ Phân công cán bộ cấp ủy
committee-officer-card =
    { $name }
    { $role }, { $committee }
    Phụ trách chi bộ: { $cells }
committee-button-charges = Phân công phụ trách chi bộ
committee-button-make-deputy = Phân công làm phó bí thư
committee-button-make-member = Chuyển thành ủy viên
committee-button-end-post = Thôi chức vụ trên bot
committee-end-post-confirm = Đồng chí { $name } sẽ thôi chức vụ cấp ủy trên bot và không xem được tình hình các chi bộ nữa. Đồng chí xác nhận?
committee-post-ended = Đồng chí { $name } đã thôi chức vụ trong { $committee } trên bot.
committee-post-ended-for-person = Đồng chí đã thôi chức vụ trong { $committee } trên bot.
committee-post-already-ended = Chức vụ này đã kết thúc trước đó; không có gì thay đổi.
committee-charges-title = Chi bộ do đồng chí { $name } phụ trách (✓). Chọn một chi bộ để giao hoặc thôi giao; mỗi chi bộ có một người phụ trách.

committee-appoint-no-cells = Chưa có chi bộ nào liên kết. Cán bộ cấp ủy được chọn trong đảng viên các chi bộ đã liên kết trên bot.
committee-appoint-pick-cell = Đồng chí được phân công đang sinh hoạt ở chi bộ nào?
committee-appoint-pick-person = Chọn đảng viên trong { $cell }:
committee-appoint-pick-role = Phân công đồng chí { $name } làm:
committee-appointed = Đã phân công đồng chí { $name } làm { $role } { $committee } trên bot.
committee-appointed-unchanged = Đồng chí { $name } đã là { $role } { $committee }; không có gì thay đổi.
committee-appointed-for-person = Đồng chí được phân công làm { $role } { $committee } trên bot. Gõ /capuy để xem tình hình các chi bộ trực thuộc.

committee-link-what-cell = { $cell }
committee-link-what-committee = { $name }
committee-link-request = 🔗 Đồng chí { $by } đề nghị đưa { $what } vào danh sách trực thuộc { $committee } trên bot.
committee-link-typed-name = Khi tạo chi bộ, tên cấp ủy cấp trên được ghi là: «{ $typed }».
committee-button-approve = ✅ Đồng ý
committee-button-reject = ❌ Không đồng ý
committee-links-none = Không có yêu cầu liên kết nào đang chờ.
committee-link-approved = Đã đồng ý: { $what } trực thuộc { $committee } trên bot.
committee-link-rejected = Đã không đồng ý yêu cầu liên kết của { $what }.
committee-link-approved-for-cell = ✅ { $committee } đã đồng ý: { $what } trực thuộc { $committee } trên bot. Cấp ủy sẽ theo dõi được việc sinh hoạt và số lượng báo cáo (không xem nội dung báo cáo).
committee-link-rejected-for-cell = { $committee } không đồng ý yêu cầu liên kết của { $what }. Đồng chí liên hệ văn phòng cấp ủy nếu cần.
committee-link-already-decided = Yêu cầu của { $what } đã được xử lý ({ $status }, bởi { $by }); không có gì thay đổi.
committee-link-status-approved = đã đồng ý
committee-link-status-rejected = không đồng ý
committee-link-status-ended = đã thôi liên kết
committee-link-status-pending = đang chờ

committee-cell-linked = { $cell } trực thuộc { $committee } trên bot. Cấp ủy xem được việc sinh hoạt, điểm danh và số lượng báo cáo của chi bộ, không xem nội dung báo cáo.
committee-cell-unlinked = { $cell } chưa liên kết với cấp ủy cấp trên trên bot.
committee-cell-pending = Đang chờ duyệt: { $committees }.
committee-cell-typed = Khi tạo chi bộ, đồng chí ghi cấp ủy cấp trên là «{ $typed }».
committee-cell-suggest = Trên bot có cấp ủy cùng tên; đồng chí kiểm tra mã với văn phòng cấp ủy trước khi gửi yêu cầu.
committee-button-ask = Gửi yêu cầu tới { $name } ({ $code })
committee-button-enter-code = Nhập mã cấp ủy
committee-button-end-link = Thôi liên kết
committee-cell-not-linked = Chi bộ hiện không liên kết với cấp ủy nào; không có gì thay đổi.
committee-end-link-confirm = { $cell } sẽ thôi trực thuộc { $committee } trên bot; cấp ủy không còn xem được tình hình chi bộ. Đồng chí xác nhận?
committee-link-requested = Đã gửi yêu cầu đưa { $cell } vào { $committee }. Khi cấp ủy duyệt, tôi sẽ báo đồng chí.
committee-link-already = Chi bộ đã trực thuộc { $committee } trên bot.
committee-link-already-pending = Yêu cầu liên kết với { $committee } đang chờ cấp ủy duyệt.
committee-link-ended = { $cell } đã thôi liên kết với { $committee }.
committee-link-ended-for-committee = { $cell } đã thôi liên kết với { $committee } trên bot (do bí thư chi bộ thực hiện).

committee-help-cell = /capuytren — liên kết chi bộ với cấp ủy cấp trên bằng mã cấp ủy, hoặc thôi liên kết.
committee-help = /capuy — việc của cán bộ cấp ủy: các chi bộ trực thuộc, cán bộ, phân công phụ trách. /taocapuy — tạo cấp ủy trên bot.
