# Kiểm điểm cuối năm theo mẫu 2025 (Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW).

report-pledge-shown = Đầu năm, đồng chí đã cam kết: «{ $pledge }»
report-carried-title = Khắc phục hạn chế { $n }: { $fault }
report-carried-heading = Hạn chế, khuyết điểm đã được chỉ ra: { $fault }
report-carried-prompt = Ở lần kiểm điểm trước, đồng chí đã nêu hạn chế, khuyết điểm: «{ $fault }». Đến nay, hạn chế, khuyết điểm đó thế nào?
report-carried-da = Đã khắc phục
report-carried-dang = Đang khắc phục
report-carried-chua = Chưa khắc phục
report-carried-note-title = Mức độ khắc phục, khó khăn, trách nhiệm
report-carried-note-prompt = Đồng chí nói rõ thêm: đã làm gì, khắc phục đến đâu; khó khăn, vướng mắc (nếu có); trách nhiệm của cá nhân.
report-carried-note-hint = Gợi ý của bot: vài câu ngắn là đủ.
report-raised-title = Giải trình vấn đề được gợi ý kiểm điểm
report-raised-prompt =
    Cấp ủy đã gợi ý đồng chí kiểm điểm làm rõ:
    { $issues }

    Đồng chí giải trình từng vấn đề: nguyên nhân và trách nhiệm của cá nhân.

report-profile-intro = Trước khi làm bản kiểm điểm cuối năm, tôi cần biết thêm để chọn đúng mẫu (Hướng dẫn 43-HD/BTCTW). Đồng chí chỉ trả lời một lần; sau này có thể sửa trong /hoso.
report-profile-intro-proxy = Trước khi nhập bản kiểm điểm của đồng chí { $name }, tôi cần biết thêm để chọn đúng mẫu. Các câu hỏi dưới đây là về đồng chí { $name }.
report-profile-holds-post = Đồng chí có giữ chức vụ lãnh đạo, quản lý (trong cơ quan Đảng, Nhà nước, Mặt trận hoặc đoàn thể) không?
report-profile-holds-post-yes = Có giữ chức vụ lãnh đạo, quản lý
report-profile-holds-post-no = Không giữ chức vụ lãnh đạo, quản lý
report-profile-admitted-at = Đồng chí được kết nạp vào Đảng tháng nào, năm nào? (ví dụ: 3/2026)
report-profile-admitted-at-invalid = Tôi chưa đọc được tháng, năm (hoặc đó là một tháng chưa tới). Đồng chí gõ theo dạng tháng/năm, ví dụ: 3/2026.

report-exclusion-exempt = được miễn công tác và sinh hoạt đảng
report-exclusion-suspended = đang bị đình chỉ sinh hoạt đảng
report-exclusion-new-member = mới được kết nạp chưa đủ 6 tháng
report-excluded = Theo Quy định 366-QĐ/TW (Điều 5), đảng viên { $reason } không thuộc diện kiểm điểm cuối năm, nên đồng chí không phải làm «{ $title }». Nếu thông tin này chưa đúng, đồng chí báo bí thư chi bộ.
report-excluded-proxy = Đồng chí { $name } { $reason }, nên theo Quy định 366-QĐ/TW (Điều 5) không thuộc diện kiểm điểm «{ $title }».
report-excluded-for-admin = Đồng chí { $name } { $reason }, nên theo Quy định 366-QĐ/TW (Điều 5) không thuộc diện kiểm điểm «{ $title }». Bản của đồng chí ấy đã được ghi là «không thuộc diện kiểm điểm».
report-form-not-served = Theo hồ sơ, bản kiểm điểm của đồng chí { $name } theo Mẫu { $form }, nhưng «{ $title }» trên bot chỉ có Mẫu { $forms }. Mẫu 2A (cá nhân giữ chức vụ lãnh đạo, quản lý) chưa được đưa vào bot vì chưa đối chiếu được bố cục chính thức: đồng chí làm theo mẫu chi bộ phát, hoặc đề nghị bí thư chọn lại mẫu nếu hồ sơ chưa đúng.
report-status-excluded = không thuộc diện kiểm điểm
report-status-row-excluded = – { $name } — không thuộc diện kiểm điểm

profile-view-review =
    • Giữ chức vụ lãnh đạo, quản lý: { $holdsPost }
    • Vào Đảng (tháng/năm): { $admittedAt }
profile-holds-post-yes = có
profile-holds-post-no = không
button-edit-holds-post = Sửa việc giữ chức vụ
button-edit-admitted-at = Sửa tháng, năm vào Đảng

report-review-deadline-hint = Theo Hướng dẫn 43-HD/BTCTW, việc kiểm điểm, đánh giá, xếp loại cuối năm kết thúc trước ngày 31/12.
report-button-review-deadline = Hạn { $date }
report-review-left-out = Không thuộc diện kiểm điểm (Quy định 366-QĐ/TW, Điều 5): { $list }.
report-review-forms = Mẫu theo hồ sơ: 2A: { $a }, 2B: { $b }, 2C: { $c }; chưa rõ (bot sẽ hỏi khi đồng chí đó mở bản): { $unknown }.
report-review-no-2a = ⚠ { $count } đồng chí giữ chức vụ lãnh đạo, quản lý cần Mẫu 2A, mẫu này chưa có trong bot (chưa đối chiếu được bố cục chính thức). Các đồng chí đó làm theo mẫu chi bộ phát; nếu hồ sơ chưa đúng, đồng chí chọn lại mẫu cho từng người trong tình hình nộp.
report-review-late-deadline = ⚠ Hướng dẫn 43-HD/BTCTW yêu cầu kết thúc trước ngày 31/12 (riêng đơn vị có tính chất đặc thù: trước 15/01 năm sau). Đồng chí xem lại hạn nộp.

report-doc-status-excluded = Không thuộc diện kiểm điểm
report-button-download-collective = 📄 Dự thảo báo cáo kiểm điểm của chi bộ (Mẫu 01)
report-button-forms = Chọn mẫu kiểm điểm cho từng đồng chí
report-button-back-to-status = ‹ Tình hình nộp
report-forms-none = Trong «{ $title }» không còn ai đang làm dở để chọn lại mẫu.
report-forms-title = Mẫu kiểm điểm của từng đồng chí trong «{ $title }». Chọn một đồng chí để đổi mẫu (khi hồ sơ chưa đúng):
report-forms-row = { $name } — Mẫu { $form }
report-forms-unknown = chưa rõ
report-forms-pick = Bản kiểm điểm của đồng chí { $name } theo mẫu nào?
report-form-label-2A = Mẫu 2A — cá nhân giữ chức vụ lãnh đạo, quản lý
report-form-label-2B = Mẫu 2B — cá nhân không giữ chức vụ lãnh đạo, quản lý
report-form-label-2C = Mẫu 2C — đảng viên không làm việc trong hệ thống chính trị
report-form-not-editable = Bản này đã nộp hoặc đã tiếp nhận; không đổi mẫu được nữa.
report-form-chosen = Đã chọn Mẫu { $form } cho bản kiểm điểm của đồng chí { $name }.
report-form-unchanged = Bản kiểm điểm của đồng chí { $name } đã theo Mẫu { $form }; không có gì thay đổi.
report-form-chosen-for-member = Bí thư chi bộ đã chọn Mẫu { $form } cho bản kiểm điểm cuối năm của đồng chí. Các câu đã trả lời vẫn được giữ.

review-col-title = Dự thảo báo cáo kiểm điểm, tự đánh giá, xếp loại của chi bộ
review-col-subtitle = Năm { $year }
review-col-note = Bản dự thảo do bot tổng hợp từ bản kiểm điểm của các đảng viên, theo các đề mục Mẫu 01 kèm Hướng dẫn 43-HD/BTCTW (đề mục theo ghi chép, cần đối chiếu với mẫu chính thức). Lời của đảng viên được trích nguyên văn kèm tên để bí thư tổng hợp; phần của chi bộ để trống (dòng chấm) cho bí thư viết. Theo Hướng dẫn 43-HD/BTCTW, dự thảo gửi trước cho đảng viên ít nhất 03 ngày làm việc trước hội nghị kiểm điểm.
review-col-fact-reviewed = Số đảng viên đã nộp bản kiểm điểm: { $reviewed }/{ $total }.
review-col-fact-missing = Chưa nộp: { $names }.
review-col-fact-left-out = Không thuộc diện kiểm điểm (Quy định 366-QĐ/TW, Điều 5): { $names }.
review-col-part-a = A. NỘI DUNG KIỂM ĐIỂM
review-col-a1 = I. Ưu điểm
review-col-a2 = II. Hạn chế và nguyên nhân
review-col-a2-lead = Hạn chế, khuyết điểm các đảng viên tự nêu (trích nguyên văn):
review-col-a3 = III. Kết quả khắc phục
review-col-a3-counts = Hạn chế, khuyết điểm đã được chỉ ra ở kỳ trước, theo bản tự kiểm điểm của đảng viên: đã khắc phục { $da }, đang khắc phục { $dang }, chưa khắc phục { $chua }.
review-col-a4 = IV. Giải trình
review-col-a4-names = Đảng viên có vấn đề được gợi ý kiểm điểm và đã giải trình trong bản của mình: { $names }.
review-col-a5 = V. Trách nhiệm của tập thể, cá nhân
review-col-a6 = VI. Phương hướng
review-col-part-b = B. TỰ ĐÁNH GIÁ, XẾP LOẠI
review-col-b1 = I. Tự chấm điểm: …/30 + …/70 = …/100
review-col-b2 = II. Đề xuất xếp loại
review-col-b2-counts = Mức đảng viên tự đề xuất: Hoàn thành xuất sắc nhiệm vụ { $xuat_sac }; Hoàn thành tốt nhiệm vụ { $tot }; Hoàn thành nhiệm vụ { $hoan_thanh }; Không hoàn thành nhiệm vụ { $khong_hoan_thanh }. (Chi bộ nhận xét, cấp có thẩm quyền quyết định.)
review-col-total = Tổng điểm
review-col-proposed = Đề xuất xếp loại
review-col-signature = T/M CHI BỘ

report-collective-reminder = Đợt «{ $title }» được trình bày ở hội nghị { $meeting }. Theo Hướng dẫn 43-HD/BTCTW, dự thảo báo cáo kiểm điểm của chi bộ cần gửi cho đảng viên ít nhất 03 ngày làm việc trước hội nghị, tức là chậm nhất ngày { $by }. Bot đã tổng hợp sẵn một bản dự thảo từ các bản kiểm điểm đã nộp để đồng chí biên tập.

report-button-forward = ⬆ Gửi bản này lên cấp ủy
report-button-forward-confirm = Gửi lên cấp ủy
report-forward-confirm = Gửi bản của đồng chí { $name } lên { $committee }? Bí thư, phó bí thư cấp ủy và đồng chí ủy viên phụ trách chi bộ sẽ đọc được toàn văn. Việc gửi được ghi lại.
report-forward-done = Đã gửi lên { $committee } ({ $count } đồng chí nhận).
report-forward-not-linked = Chi bộ chưa liên kết với cấp ủy cấp trên trên bot (xem /capuytren), nên chưa gửi lên được.
report-forward-not-submitted = Bản này đã được rút lại hoặc trả lại; chỉ gửi lên được bản đã nộp hoặc đã tiếp nhận.
report-forward-no-one = Cấp ủy chưa có ai khác nhận trên bot; chưa gửi được.
report-forwarded-header = ⬆ Đồng chí { $by } ({ $cell }) gửi lên cấp ủy bản báo cáo dưới đây.
